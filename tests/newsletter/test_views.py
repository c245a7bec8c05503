"""Subscribing from the footer and from /newsletter/: double opt-in, consent records, the
same answer for every address, the honeypot, the rate limit and the one-click account sign-up."""

import datetime as dt
import re

import pytest
from django.test import Client, TestCase
from django.utils import timezone

from newsletter.choices import ConsentAction, SubscriberStatus
from newsletter.models import ConsentRecord, Subscriber
from newsletter.services import dispatch
from newsletter.services.subscriptions import CONSENT_WORDING_VERSION
from newsletter.tokens import make_token
from tests.factories.accounts import UserFactory
from tests.factories.clusters import ClusterFactory
from tests.factories.newsletter import NewsletterIssueFactory, SubscriberFactory
from tests.support.mail import link_containing, path_of
from tests.support.people import login

pytestmark = pytest.mark.django_db

# What the footer form (components/newsletter_signup.html) sends: no CSRF token.
FOOTER_POST = {"email": "ada@example.org", "wants_newsletter": "on", "consent": "on"}


@pytest.fixture
def csrf_client():
    """A browser that never loaded a page: no cookie, and CSRF checks on as in production."""
    return Client(enforce_csrf_checks=True)


def subscribe(client, _run_queued_work=True, **data):
    """Post the sign-up form; the sign-up itself is queued after the answer (run here)."""
    with TestCase.captureOnCommitCallbacks(execute=_run_queued_work):
        return client.post("/newsletter/", {**FOOTER_POST, "contact_fax": "", **data})


def test_footer_form_without_csrf_token_creates_a_pending_subscriber(csrf_client, mailbox):
    response = subscribe(csrf_client)

    assert (response.status_code, response["Location"]) == (302, "/newsletter/thanks/")
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.status) == ("ada@example.org", SubscriberStatus.PENDING)
    assert (subscriber.wants_newsletter, subscriber.wants_digest) == (True, False)
    [consent] = subscriber.consents.all()
    assert (consent.action, consent.ip_address, consent.wording_version) == (
        ConsentAction.SUBSCRIBE,
        "127.0.0.1",
        CONSENT_WORDING_VERSION,
    )
    assert timezone.now() - consent.at < dt.timedelta(minutes=1)


def test_subscribe_page_keeps_both_choices(client, mailbox):
    response = subscribe(client, wants_digest="on")

    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert (subscriber.wants_newsletter, subscriber.wants_digest) == (True, True)
    assert subscriber.consents.get().preferences["event_digest"] is True


def test_confirmation_link_activates_and_sends_the_welcome(client, mailbox):
    subscribe(client)
    [message] = mailbox.wait_for("ada@example.org")
    assert message["Subject"] == "[DSI Hub] Confirm your subscription"

    response = client.post(path_of(link_containing(message, "/newsletter/confirm/")))

    assert response.status_code == 200
    assert "Thank you: your address is confirmed." in response.text
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert subscriber.confirmed_at is not None
    assert [c.action for c in subscriber.consents.all()] == ["subscribe", "confirm"]
    [_confirm, welcome] = mailbox.wait_for("ada@example.org", count=2)
    assert welcome["Subject"] == "[DSI Hub] You are subscribed"
    assert "/newsletter/preferences/" in link_containing(welcome, "/newsletter/preferences/")


def test_a_second_click_on_the_confirmation_link_sends_no_second_welcome(client, mailbox):
    subscribe(client)
    [message] = mailbox.wait_for("ada@example.org")
    path = path_of(link_containing(message, "/newsletter/confirm/"))
    client.post(path)

    response = client.post(path)

    assert response.status_code == 200
    assert len(mailbox.wait_for("ada@example.org", count=2)) == 2
    assert Subscriber.objects.get().consents.count() == 2


def test_opening_the_confirmation_link_shows_a_button_and_confirms_nothing(client, mailbox):
    subscribe(client)
    [message] = mailbox.wait_for("ada@example.org")
    path = path_of(link_containing(message, "/newsletter/confirm/"))

    response = client.get(path)

    assert response.status_code == 200
    assert "Confirm my subscription" in response.text
    assert f'<form class="newsletter-confirm" method="post" action="{path}">' in response.text
    subscriber = Subscriber.objects.get()
    assert (subscriber.status, subscriber.confirmed_at) == (SubscriberStatus.PENDING, None)
    assert [c.action for c in subscriber.consents.all()] == ["subscribe"]


def test_the_confirmation_button_works_without_a_csrf_cookie(csrf_client, mailbox):
    subscribe(csrf_client)
    [message] = mailbox.wait_for("ada@example.org")

    response = csrf_client.post(path_of(link_containing(message, "/newsletter/confirm/")))

    assert response.status_code == 200
    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE


def test_a_confirmed_address_opening_its_link_again_reads_that_it_is_subscribed(client, mailbox):
    subscribe(client)
    [message] = mailbox.wait_for("ada@example.org")
    path = path_of(link_containing(message, "/newsletter/confirm/"))
    client.post(path)

    response = client.get(path)

    assert "Thank you: your address is confirmed." in response.text
    assert Subscriber.objects.get().consents.count() == 2


def test_display_name_and_capitals_are_normalised(client, mailbox):
    subscribe(client, email="Ada Lovelace <Ada@Example.ORG>")

    assert list(Subscriber.objects.values_list("email", flat=True)) == ["ada@example.org"]
    assert len(mailbox.wait_for("ada@example.org")) == 1


@pytest.mark.parametrize(
    "status",
    [
        SubscriberStatus.PENDING,
        SubscriberStatus.ACTIVE,
        SubscriberStatus.UNSUBSCRIBED,
        SubscriberStatus.BOUNCED,
        SubscriberStatus.COMPLAINED,
    ],
)
def test_an_existing_address_gets_the_same_answer(client, mailbox, status):
    SubscriberFactory(email="ada@example.org", status=status)
    new = subscribe(client, email="new@example.org")

    again = subscribe(client, email="ADA@example.org")

    assert (again.status_code, again["Location"]) == (new.status_code, new["Location"])
    assert client.get(again["Location"]).text == client.get(new["Location"]).text
    assert Subscriber.objects.filter(email="ada@example.org").count() == 1


def test_active_address_subscribing_again_gets_no_mail_and_stays_active(client, mailbox):
    SubscriberFactory(email="ada@example.org")

    subscribe(client)

    assert mailbox.to("ada@example.org") == []
    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE


def test_unsubscribed_address_subscribing_again_must_confirm_again(client, mailbox):
    SubscriberFactory(email="ada@example.org", status=SubscriberStatus.UNSUBSCRIBED)

    subscribe(client)

    assert Subscriber.objects.get().status == SubscriberStatus.PENDING
    [message] = mailbox.wait_for("ada@example.org")
    assert "/newsletter/confirm/" in link_containing(message, "/newsletter/confirm/")


def test_bounced_address_subscribing_again_must_confirm_again(client, mailbox):
    SubscriberFactory(email="ada@example.org", status=SubscriberStatus.BOUNCED)

    subscribe(client)

    assert Subscriber.objects.get().status == SubscriberStatus.PENDING
    assert len(mailbox.wait_for("ada@example.org")) == 1


def test_address_that_complained_is_left_alone(client, mailbox):
    SubscriberFactory(email="ada@example.org", status=SubscriberStatus.COMPLAINED)

    subscribe(client)

    assert Subscriber.objects.get().status == SubscriberStatus.COMPLAINED
    assert mailbox.to("ada@example.org") == []


def test_confirmation_is_resent_at_most_once_an_hour(client, mailbox):
    subscribe(client)
    subscribe(client)
    subscribe(client)
    assert len(mailbox.to("ada@example.org")) == 1

    Subscriber.objects.update(confirmation_sent_at=timezone.now() - dt.timedelta(minutes=61))
    subscribe(client)

    assert len(mailbox.wait_for("ada@example.org", count=2)) == 2
    assert Subscriber.objects.get().consents.count() == 4


def test_honeypot_refuses_with_an_error_and_saves_nothing(client, mailbox):
    response = subscribe(client, contact_fax="+32 2 555 0100")

    assert response.status_code == 200
    assert "This field must be left empty." in response.text
    assert Subscriber.objects.count() == ConsentRecord.objects.count() == 0
    assert mailbox.messages == []


def test_missing_consent_shows_an_error_and_keeps_the_address(client, mailbox):
    response = client.post("/newsletter/", {"email": "ada@example.org", "wants_newsletter": "on"})

    assert response.status_code == 200
    assert "Tick this box to subscribe: we need your agreement." in response.text
    assert 'value="ada@example.org"' in response.text
    assert Subscriber.objects.count() == 0
    assert mailbox.messages == []


def test_choosing_nothing_shows_an_error(client, mailbox):
    response = client.post("/newsletter/", {"email": "ada@example.org", "consent": "on"})

    assert response.status_code == 200
    assert "Choose the monthly newsletter, the weekly events digest or both." in response.text
    assert Subscriber.objects.count() == 0


def test_an_invalid_address_shows_an_error(client, mailbox):
    response = subscribe(client, email="Ada <not an address>")

    assert response.status_code == 200
    assert "Enter a valid e-mail address." in response.text
    assert Subscriber.objects.count() == 0


def test_subscriptions_over_the_per_address_limit_get_429(client, mailbox, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "newsletter-subscribe": {"per_ip": "10/h"}}
    for n in range(10):
        assert subscribe(client, email=f"reader{n}@example.org").status_code == 302

    response = subscribe(client, email="one-too-many@example.org")

    assert response.status_code == 429
    assert "Slow down, please" in response.text
    assert not Subscriber.objects.filter(email="one-too-many@example.org").exists()


def test_get_with_an_address_prefills_the_form(client):
    response = client.get("/newsletter/?email=ada@example.org")

    assert response.status_code == 200
    assert 'value="ada@example.org"' in response.text


def test_verified_account_subscribes_in_one_click(client, mailbox):
    user = UserFactory(email="ada@example.org")

    response = login(client, user).post("/newsletter/subscribe/account/")

    subscriber = Subscriber.objects.get()
    assert (subscriber.user, subscriber.status) == (user, SubscriberStatus.ACTIVE)
    assert response.status_code == 302
    assert response["Location"].startswith("/newsletter/preferences/")
    assert [c.action for c in subscriber.consents.all()] == ["subscribe", "confirm"]
    [welcome] = mailbox.wait_for("ada@example.org")
    assert welcome["Subject"] == "[DSI Hub] You are subscribed"
    assert (
        "You are subscribed. Choose what you receive below."
        in client.get(response["Location"]).text
    )


def test_unverified_account_gets_a_confirmation_email(client, mailbox):
    user = UserFactory(email="ada@example.org", verified=False)

    response = login(client, user).post("/newsletter/subscribe/account/")

    assert (response.status_code, response["Location"]) == (302, "/newsletter/thanks/")
    subscriber = Subscriber.objects.get()
    assert (subscriber.user, subscriber.status) == (user, SubscriberStatus.PENDING)
    [message] = mailbox.wait_for("ada@example.org")
    assert "/newsletter/confirm/" in link_containing(message, "/newsletter/confirm/")


def test_account_subscribe_needs_a_login_and_a_post(client):
    assert client.post("/newsletter/subscribe/account/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/newsletter/subscribe/account/").status_code == 405
    assert Subscriber.objects.count() == 0


def test_subscribe_page_offers_the_account_address_when_logged_in(client):
    user = UserFactory(email="ada@example.org")

    response = login(client, user).get("/newsletter/")

    assert "Subscribe ada@example.org" in response.text


def test_nothing_but_the_confirmation_goes_to_a_pending_address(client, mailbox):
    subscribe(client, wants_digest="on")
    issue = NewsletterIssueFactory()

    queued = dispatch.queue_issue_deliveries(issue, timezone.now())

    assert queued == 0
    assert len(mailbox.to("ada@example.org")) == 1


@pytest.mark.parametrize(
    "path", ["/", "/organisations/", "/events/", "/newsletter/archive/", "/newsletter/"]
)
def test_pages_with_the_signup_form_set_no_cookie(client, path):
    response = client.get(path)

    assert (response.status_code, dict(response.cookies)) == (200, {})
    assert 'action="/newsletter/"' in response.text
    assert "csrfmiddlewaretoken" not in response.text


def test_subscribing_sets_no_cookie_on_the_way(client, mailbox):
    refused = client.post("/newsletter/", {"email": "ada@example.org"})
    accepted = subscribe(client)
    thanks = client.get(accepted["Location"])

    assert [dict(r.cookies) for r in (refused, accepted, thanks)] == [{}, {}, {}]


def test_archive_is_cached_for_visitors(client):
    client.get("/newsletter/archive/")

    response = client.get("/newsletter/archive/")

    assert response.get("X-Page-Cache") == "hit"
    assert "cookie" not in response.get("Vary", "").lower()


# The preference centre, reached from the signed link in every e-mail.


@pytest.fixture
def reader():
    return SubscriberFactory(email="ada@example.org", wants_digest=False)


def preferences_path(subscriber):
    return f"/newsletter/preferences/{make_token(subscriber, 'preferences')}/"


def unsubscribe_path(subscriber):
    return f"/newsletter/unsubscribe/{make_token(subscriber, 'unsubscribe')}/"


def test_preference_centre_shows_the_subscriber_choices(client, reader):
    response = client.get(preferences_path(reader))

    assert response.status_code == 200
    assert "ada@example.org" in response.text
    assert response.context["form"].instance == reader
    assert "Unsubscribe and delete my data" in response.text


def test_preference_centre_saves_every_choice_with_a_consent_record(client, reader):
    first, second = ClusterFactory(slug="open-data"), ClusterFactory(slug="civic-tech")

    response = client.post(
        preferences_path(reader),
        {
            "wants_newsletter": "on",
            "wants_digest": "on",
            "clusters": [first.pk, second.pk],
            "countries": ["PT", "DE"],
            "language": "de",
        },
    )

    assert (response.status_code, response["Location"]) == (302, preferences_path(reader))
    reader.refresh_from_db()
    assert (reader.wants_newsletter, reader.wants_digest, reader.language) == (True, True, "de")
    assert sorted(reader.clusters.values_list("slug", flat=True)) == ["civic-tech", "open-data"]
    assert sorted(country.code for country in reader.countries) == ["DE", "PT"]
    consent = reader.consents.get()
    assert (consent.action, consent.ip_address) == (ConsentAction.PREFERENCES, "127.0.0.1")
    assert consent.preferences == {
        "status": "active",
        "language": "de",
        "monthly_newsletter": True,
        "event_digest": True,
        "clusters": ["civic-tech", "open-data"],
        "countries": ["DE", "PT"],
    }
    assert "Your preferences are saved." in client.get(response["Location"]).text


def test_unticking_everything_unsubscribes(client, reader):
    client.post(preferences_path(reader), {"language": "en"})

    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.UNSUBSCRIBED
    assert reader.unsubscribed_at is not None
    assert reader.consents.get().preferences["status"] == "unsubscribed"
    assert "Subscribe again" in client.get(preferences_path(reader)).text


def test_resubscribe_from_the_preference_centre(client, reader):
    client.post(preferences_path(reader), {"language": "en"})

    response = client.post(preferences_path(reader) + "resubscribe/")

    assert (response.status_code, response["Location"]) == (302, preferences_path(reader))
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.ACTIVE
    assert [c.action for c in reader.consents.all()] == ["preferences", "subscribe"]
    assert "Welcome back: you are subscribed again." in client.get(response["Location"]).text


def test_resubscribing_with_nothing_chosen_brings_back_the_newsletter(client, reader):
    client.post(preferences_path(reader), {"language": "en"})
    client.post(preferences_path(reader) + "resubscribe/")

    queued = dispatch.queue_issue_deliveries(NewsletterIssueFactory(), timezone.now())

    assert queued == 1


def test_forget_deletes_the_subscriber_and_its_consent_records(client, reader):
    client.post(preferences_path(reader), {"wants_newsletter": "on", "language": "en"})
    path = preferences_path(reader)

    response = client.post(path + "forget/")

    assert response.status_code == 200
    assert "Subscription deleted" in response.text
    assert Subscriber.objects.count() == ConsentRecord.objects.count() == 0
    assert client.get(path).status_code == 400


# Unsubscribing: RFC 8058 one-click from mail programs, or the page and its button.


def test_one_click_unsubscribe_needs_only_the_token(csrf_client, reader):
    response = csrf_client.post(
        unsubscribe_path(reader),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert response.cookies == {}
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.UNSUBSCRIBED
    assert reader.consents.get().action == ConsentAction.UNSUBSCRIBE


def test_the_next_issue_skips_an_address_that_left_by_one_click(
    csrf_client, reader, mailbox, django_capture_on_commit_callbacks
):
    staying = SubscriberFactory(email="grace@example.org")
    csrf_client.post(
        unsubscribe_path(reader),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    issue = NewsletterIssueFactory()

    with django_capture_on_commit_callbacks(execute=True):
        dispatch.send_issue_now(issue)

    assert [m.envelope_recipients for m in mailbox.received] == [[staying.email]]
    assert list(issue.deliveries.values_list("subscriber", flat=True)) == [staying.pk]


def test_unsubscribe_page_asks_first(client, reader):
    response = client.get(unsubscribe_path(reader))

    assert response.status_code == 200
    assert '<button class="btn btn--primary" type="submit">Unsubscribe</button>' in response.text
    assert preferences_path(reader) in response.text
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.ACTIVE


def test_unsubscribe_twice_records_one_consent(client, reader):
    client.post(unsubscribe_path(reader))
    response = client.post(unsubscribe_path(reader))

    assert response.status_code == 200
    assert "You are unsubscribed" in response.text
    assert reader.consents.count() == 1
    assert "This address is already unsubscribed." in client.get(unsubscribe_path(reader)).text


def test_unsubscribe_refuses_other_methods(client, reader):
    assert client.put(unsubscribe_path(reader)).status_code == 405


# The public archive.


def test_archive_lists_sent_issues_only(client):
    sent = NewsletterIssueFactory(subject="October in DSI", status="sent", sent_at=timezone.now())
    NewsletterIssueFactory(subject="Draft for November")

    response = client.get("/newsletter/archive/")

    assert [issue.subject for issue in response.context["issues"]] == ["October in DSI"]
    assert client.get(sent.get_absolute_url()).status_code == 200


def test_draft_issue_has_no_archive_page(client):
    draft = NewsletterIssueFactory()

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_sent_issue_shows_in_the_cached_archive_at_once(
    client, mailbox, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    assert "No issue has been sent yet." in client.get("/newsletter/archive/").text
    issue = NewsletterIssueFactory(subject="November in DSI")

    with django_capture_on_commit_callbacks(execute=True):
        dispatch.send_issue_now(issue)

    issue.refresh_from_db()
    assert issue.status == "sent"
    assert "November in DSI" in client.get("/newsletter/archive/").text


def test_preference_centre_unsubscribe_button_posts_to_the_one_click_url(client, reader):
    response = client.get(preferences_path(reader))

    assert f'<form method="post" action="{unsubscribe_path(reader)}">' in response.text


def test_subscribing_while_the_mail_server_is_down_keeps_the_request_and_mails_later(
    client, mailbox, settings
):
    from datetime import timedelta

    from post_office.models import STATUS, Email

    from accounts.outbox import send_due_messages
    from tests.support.mail import free_port

    server_port, settings.EMAIL_PORT = settings.EMAIL_PORT, free_port()  # nothing listens

    response = subscribe(client)

    assert (response.status_code, response["Location"]) == (302, "/newsletter/thanks/")
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING
    send_due_messages()  # the worker tries: the server refuses, the mail waits in the outbox
    assert list(Email.objects.values_list("status", flat=True)) == [STATUS.requeued]
    assert mailbox.received == []

    settings.EMAIL_PORT = server_port  # the server is back; beat's next run sends the outbox
    Email.objects.update(scheduled_time=timezone.now() - timedelta(seconds=1))
    send_due_messages()
    [confirmation] = mailbox.wait_for("ada@example.org")
    client.post(path_of(link_containing(confirmation, "/newsletter/confirm/")))

    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE


def statements_of(client, email):
    """The SQL the sign-up request itself runs (parameters left out), and what it queued."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = subscribe(client, email=email, _run_queued_work=False)
    assert response.status_code == 302
    return [
        re.sub(r'"s\d+_x\d+"', "<savepoint>", query["sql"].split(" WHERE ")[0])
        for query in queries.captured_queries
    ]


@pytest.mark.parametrize("status", [SubscriberStatus.ACTIVE, SubscriberStatus.COMPLAINED])
def test_the_request_does_the_same_work_for_a_known_and_a_new_address(client, status):
    """No timing oracle: what differs between addresses happens after the answer, in a task."""
    SubscriberFactory(email="ada@example.org", status=status)

    known = statements_of(client, "ada@example.org")
    new = statements_of(client, "new@example.org")

    assert known == new
    assert not Subscriber.objects.filter(email="new@example.org").exists()


def test_the_queued_sign_up_creates_the_pending_subscriber(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        subscribe(client, email="new@example.org", _run_queued_work=False)

    assert len(callbacks) == 1
    assert Subscriber.objects.get(email="new@example.org").status == SubscriberStatus.PENDING
