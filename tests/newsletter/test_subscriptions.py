"""newsletter.services.subscriptions: the states an address goes through, the consent record
of each change, and forgetting addresses nobody confirmed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from newsletter.choices import ConsentAction, SubscriberStatus
from newsletter.models import ConsentRecord, Subscriber
from newsletter.services import subscriptions
from tests.factories.accounts import UserFactory
from tests.factories.newsletter import SubscriberFactory
from tests.support.concurrency import together
from tests.support.mail import link_containing, path_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("ada@example.org", "ada@example.org"),
        ("  Ada@Example.ORG ", "ada@example.org"),
        ("Ada Lovelace <Ada@Example.ORG>", "ada@example.org"),
        ('"Lovelace, Ada" <ada@example.org>', "ada@example.org"),
    ],
)
def test_normalise_address(given, expected):
    assert subscriptions.normalise_address(given) == expected


@pytest.mark.parametrize("given", ["", "Ada", "Ada <>", "ada@"])
def test_normalise_address_refuses_what_is_not_an_address(given):
    with pytest.raises(ValidationError):
        subscriptions.normalise_address(given)


def test_subscribe_records_consent_with_time_ip_and_wording():
    subscriber = subscriptions.subscribe(
        "ada@example.org",
        language="fr",
        ip_address="2001:db8::1",
        preferences={"wants_newsletter": False, "wants_digest": True},
    )

    assert (subscriber.status, subscriber.language) == (SubscriberStatus.PENDING, "fr")
    [record] = subscriber.consents.all()
    assert (record.action, record.ip_address, record.wording_version) == (
        ConsentAction.SUBSCRIBE,
        "2001:db8::1",
        subscriptions.CONSENT_WORDING_VERSION,
    )
    assert record.preferences["monthly_newsletter"] is False
    assert record.preferences["event_digest"] is True


def test_an_unconfirmed_address_asking_again_gets_its_latest_choices():
    subscriptions.subscribe("ada@example.org", language="en", preferences={"wants_digest": False})

    again = subscriptions.subscribe(
        "ada@example.org", language="de", preferences={"wants_digest": True}
    )

    assert (again.wants_digest, again.language) == (True, "en")
    assert [r.preferences["event_digest"] for r in again.consents.all()] == [False, True]


def test_an_active_address_keeps_its_choices_whatever_the_form_says():
    SubscriberFactory(email="ada@example.org", wants_digest=False)

    again = subscriptions.subscribe(
        "ada@example.org", language="en", preferences={"wants_digest": True}
    )

    again.refresh_from_db()
    assert again.wants_digest is False
    assert again.consents.count() == 0


def test_unsubscribe_then_subscribe_needs_a_new_confirmation():
    subscriber = SubscriberFactory(email="ada@example.org")
    subscriptions.unsubscribe(subscriber)

    again = subscriptions.subscribe("ada@example.org", language="en")

    assert again.status == SubscriberStatus.PENDING
    assert again.confirmation_sent_at is not None


def test_confirm_only_activates_a_pending_subscriber():
    left = SubscriberFactory(status=SubscriberStatus.UNSUBSCRIBED)
    bounced = SubscriberFactory(status=SubscriberStatus.BOUNCED)

    assert subscriptions.confirm(left).status == SubscriberStatus.UNSUBSCRIBED
    assert subscriptions.confirm(bounced).status == SubscriberStatus.BOUNCED
    assert ConsentRecord.objects.count() == 0


def test_account_subscription_links_the_existing_subscriber_of_its_address():
    user = UserFactory(email="ada@example.org")
    subscriptions.subscribe("Ada@example.org", language="en")

    subscriber = subscriptions.subscribe_account(user)

    assert (subscriber.user, subscriber.status) == (user, SubscriberStatus.ACTIVE)
    assert Subscriber.objects.count() == 1


def test_account_subscription_after_the_account_changed_its_address():
    user = UserFactory(email="ada@example.org")
    SubscriberFactory(email="old@example.org", user=user, status=SubscriberStatus.UNSUBSCRIBED)

    subscriber = subscriptions.subscribe_account(user)

    assert (subscriber.email, subscriber.status) == ("ada@example.org", SubscriberStatus.ACTIVE)


def test_unsubscribe_records_consent_once():
    subscriber = SubscriberFactory()

    subscriptions.unsubscribe(subscriber, ip_address="192.0.2.1")
    subscriptions.unsubscribe(subscriber, ip_address="192.0.2.1")

    assert list(subscriber.consents.values_list("action", flat=True)) == [ConsentAction.UNSUBSCRIBE]


def test_bounced_address_cannot_unsubscribe_into_a_subscribable_state():
    subscriber = SubscriberFactory(status=SubscriberStatus.BOUNCED)

    assert subscriptions.unsubscribe(subscriber).status == SubscriberStatus.BOUNCED


def test_purge_deletes_unconfirmed_addresses_older_than_thirty_days():
    now = timezone.now()
    old = SubscriberFactory(status=SubscriberStatus.PENDING, created_at=now - dt.timedelta(days=31))
    ConsentRecord.objects.create(subscriber=old, action=ConsentAction.SUBSCRIBE)
    young = SubscriberFactory(
        status=SubscriberStatus.PENDING, created_at=now - dt.timedelta(days=29)
    )
    confirmed_long_ago = SubscriberFactory(created_at=now - dt.timedelta(days=400))

    purged = subscriptions.purge_unconfirmed()

    assert purged == 1
    assert set(Subscriber.objects.all()) == {young, confirmed_long_ago}
    assert ConsentRecord.objects.count() == 0


def test_purge_runs_as_a_task():
    from newsletter.tasks import purge_unconfirmed_task

    SubscriberFactory(
        status=SubscriberStatus.PENDING, created_at=timezone.now() - dt.timedelta(days=45)
    )

    assert purge_unconfirmed_task.delay().get() == 1


def test_purge_keeps_an_old_address_that_just_asked_to_subscribe_again():
    old = SubscriberFactory(
        email="ada@example.org",
        status=SubscriberStatus.UNSUBSCRIBED,
        created_at=timezone.now() - dt.timedelta(days=400),
    )
    subscriptions.subscribe("ada@example.org", language="en")

    assert subscriptions.purge_unconfirmed() == 0
    assert Subscriber.objects.get().pk == old.pk


@pytest.mark.parametrize(
    ("language", "prefix"), [("en", "/newsletter/"), ("de", "/de/newsletter/")]
)
def test_links_in_emails_open_pages_in_the_subscriber_language(settings, language, prefix):
    subscriber = SubscriberFactory(language=language)

    links = [subscriptions.preferences_url(subscriber), subscriptions.unsubscribe_url(subscriber)]

    assert [link.removeprefix(settings.SITE_URL).startswith(prefix) for link in links] == [
        True,
        True,
    ]


def test_german_subscriber_confirms_on_a_german_page(
    client, mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the sign-up is queued
        client.post(
            "/de/newsletter/",
            {"email": "ada@example.org", "wants_newsletter": "on", "consent": "on"},
        )
    [message] = mailbox.wait_for("ada@example.org")
    link = link_containing(message, "/newsletter/confirm/")

    response = client.get(path_of(link))

    assert path_of(link).startswith("/de/newsletter/confirm/")
    assert response.status_code == 200
    assert response["Content-Language"] == "de"
    assert Subscriber.objects.get().language == "de"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_requests_for_one_address_make_one_subscriber_and_one_email(mailbox):
    def ask():
        return subscriptions.subscribe("ada@example.org", language="en").pk

    first, second, third = together(ask, ask, ask)

    assert first == second == third
    assert Subscriber.objects.get().consents.count() == 3
    assert len(mailbox.wait_for("ada@example.org")) == 1
