"""Submitting an event at /events/new/: who publishes at once, who is reviewed, who is told,
and what bad input gets back."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from clusters.models import Cluster
from events.models import Event
from tests.factories.accounts import UserFactory
from tests.support.forms import event_data
from tests.support.mail import text_of
from tests.support.people import login

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("events:event-create")


@pytest.fixture
def lead():
    user = UserFactory(email="lead@example.org", first_name="Lea", last_name="Lead")
    Cluster.objects.get(slug="digital-democracy").leads.add(user)
    return user


def cluster_pk(slug):
    return str(Cluster.objects.get(slug=slug).pk)


def post(client, user, **overrides):
    return login(client, user).post(CREATE_URL, event_data(**overrides))


def test_create_page_sends_anonymous_visitors_to_log_in(client):
    response = client.get(CREATE_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_create_by_unverified_user_is_refused(client):
    response = post(client, UserFactory(verified=False))

    assert response.status_code == 403
    assert Event.objects.count() == 0


def test_lead_posting_for_their_own_cluster_publishes_at_once(client, lead, mailbox):
    response = post(client, lead, clusters=[cluster_pk("digital-democracy")])

    event = Event.objects.get()
    assert response.status_code == 302
    assert response.url == "/events/open-data-breakfast/"
    assert (event.live, event.awaiting_review, event.submitted_by) == (True, False, lead)
    assert event.start == dt.datetime(event.start.year, 3, 5, 9, tzinfo=ZoneInfo("Europe/Madrid"))
    assert event.timezone == "Europe/Madrid"
    assert str(event.city) == "Barcelona, Spain"
    assert "“Open Data Breakfast” is published." in client.get(response.url).text
    assert mailbox.messages == []


def test_lead_of_another_cluster_is_reviewed_and_the_right_leads_are_emailed(client, lead, mailbox):
    health_lead = UserFactory(email="health@example.org", first_name="Hal")
    Cluster.objects.get(slug="health-and-care").leads.add(health_lead)

    post(client, lead, clusters=[cluster_pk("health-and-care")])

    event = Event.objects.get()
    assert (event.live, event.awaiting_review) == (False, True)
    [message] = mailbox.wait_for("health@example.org")
    assert message["Subject"] == (
        '[DSI Hub] A community event for your cluster awaits review: "Open Data Breakfast"'
    )
    assert "Lea Lead submitted the event" in text_of(message)
    assert "Health and care" in text_of(message)
    assert "/events/open-data-breakfast/" in text_of(message)
    assert [m["To"] for m in mailbox.messages] == ["health@example.org"]


def test_lead_naming_another_cluster_beside_their_own_is_reviewed_by_its_leads(
    client, lead, mailbox
):
    """A lead publishes directly only into clusters they lead: naming another cluster too sends
    the event to review, and that cluster's leads are told (not the submitter)."""
    health_lead = UserFactory(email="health@example.org", first_name="Hal")
    Cluster.objects.get(slug="health-and-care").leads.add(health_lead)

    response = post(
        client, lead, clusters=[cluster_pk("digital-democracy"), cluster_pk("health-and-care")]
    )

    event = Event.objects.get()
    assert (event.live, event.awaiting_review) == (False, True)
    assert "waiting for a moderator" in client.get(response.url).text
    assert client.get("/events/").status_code == 200
    client.logout()
    assert client.get(event.get_absolute_url()).status_code == 404
    [message] = mailbox.wait_for("health@example.org")
    assert "Lea Lead submitted the event" in text_of(message)
    assert [m["To"] for m in mailbox.messages] == ["health@example.org"]


def test_lead_of_two_clusters_posting_in_both_publishes_at_once(client, lead):
    Cluster.objects.get(slug="health-and-care").leads.add(lead)

    post(client, lead, clusters=[cluster_pk("digital-democracy"), cluster_pk("health-and-care")])

    assert Event.objects.get().live is True


def test_lead_posting_for_no_cluster_is_reviewed(client, lead):
    post(client, lead, clusters=[])

    assert Event.objects.get().live is False


def test_regular_user_is_reviewed_even_after_an_earlier_approval(client, stranger, lead, mailbox):
    stranger.trusted_at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    stranger.save()

    response = post(client, stranger, clusters=[cluster_pk("digital-democracy")])

    event = Event.objects.get()
    assert (event.live, event.awaiting_review) == (False, True)
    assert "waiting for a moderator" in client.get(response.url).text
    [message] = mailbox.wait_for("lead@example.org")
    assert "Sam Stranger submitted" in text_of(message)


@pytest.mark.parametrize("person", ["moderator", "editor"])
@pytest.mark.parametrize("clusters", [[], ["digital-democracy", "health-and-care"]])
def test_moderators_and_editors_publish_at_once(client, request, person, clusters):
    post(client, request.getfixturevalue(person), clusters=[cluster_pk(c) for c in clusters])

    assert Event.objects.get().live is True


def test_pending_event_is_hidden_from_visitors_but_shown_to_its_submitter_and_leads(
    client, stranger, lead
):
    post(client, stranger, clusters=[cluster_pk("digital-democracy")])
    url = Event.objects.get().get_absolute_url()
    client.logout()

    assert client.get(url).status_code == 404
    assert "Awaiting review" in login(client, stranger).get(url).text
    assert login(client, lead).get(url).status_code == 200
    assert login(client, UserFactory()).get(url).status_code == 404


def errors_of(response):
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def test_end_before_start_is_refused_at_the_end_field_keeping_the_input(client, stranger):
    year = dt.date.today().year + 1
    response = post(client, stranger, end=f"{year}-03-05T08:00")

    assert response.status_code == 200
    assert errors_of(response) == {"end": ["The end must be after the start."]}
    assert "The end must be after the start." in response.text
    assert 'value="Open Data Breakfast"' in response.text
    assert f'value="{year}-03-05T08:00"' in response.text
    assert Event.objects.count() == 0


def test_in_person_event_without_a_place_is_refused_at_the_city(client, stranger):
    response = post(client, stranger, city="", country="")

    assert errors_of(response) == {
        "city": ["Events that happen in a place need the city they happen in."]
    }
    assert 'value="Civic Centre"' in response.text


def test_online_event_needs_no_place(client, stranger):
    post(
        client,
        stranger,
        city="",
        country="",
        format="online",
        online_url="https://meet.example.org/x",
    )

    assert Event.objects.get().city is None


def test_unknown_time_zone_is_refused_at_the_field(client, stranger):
    response = post(client, stranger, timezone="Mars/Olympus_Mons")

    assert errors_of(response) == {
        "timezone": ["“Mars/Olympus_Mons” is not a time zone we know. Choose one from the list."]
    }
    assert "Coffee and open data for the neighbourhood." in response.text


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "ftp://tickets.example.org/", "mailto:x@example.org"]
)
def test_non_http_registration_address_is_refused_at_the_field(client, stranger, address):
    response = post(client, stranger, registration_url=address)

    assert errors_of(response) == {
        "registration_url": ["Enter a web address starting with http:// or https://."]
    }
    assert 'value="Civic Centre"' in response.text
    assert Event.objects.count() == 0


def test_recurrence_needs_an_end(client, stranger):
    response = post(client, stranger, recurrence="MONTHLY")

    assert errors_of(response) == {
        "recurrence_count": ["Say how many times it repeats, or until when."]
    }


def test_body_is_sanitised(client, moderator):
    post(client, moderator, body='<p>Hi <script>alert(1)</script><a href="javascript:x">x</a></p>')

    assert "<script>" not in Event.objects.get().body
    assert "javascript:" not in Event.objects.get().body


# The time zone from the city -----------------------------------------------------------------


def test_time_zone_left_empty_is_the_citys(client, stranger):
    post(client, stranger, timezone="", country="PT", city="Porto")

    event = Event.objects.get()
    assert (str(event.city), event.timezone) == ("Porto, Portugal", "Europe/Lisbon")
    assert event.start.astimezone(ZoneInfo("Europe/Lisbon")).hour == 9


def test_a_chosen_time_zone_wins_over_the_citys(client, stranger):
    post(client, stranger, timezone="Europe/Lisbon", country="ES", city="Barcelona")

    assert Event.objects.get().timezone == "Europe/Lisbon"


def test_online_event_without_a_time_zone_is_asked_for_one(client, stranger):
    response = post(
        client,
        stranger,
        timezone="",
        city="",
        country="",
        format="online",
        online_url="https://meet.example.org/x",
    )

    assert errors_of(response) == {
        "timezone": ["Choose the time zone: an event without a city has none of its own."]
    }
    assert Event.objects.count() == 0


def test_new_event_form_starts_on_the_citys_time_zone(client, stranger):
    response = login(client, stranger).get(CREATE_URL)

    form = response.context["form"]
    assert form["timezone"].value() == ""
    assert '<option value="" selected>The city&#x27;s time zone</option>' in response.text


# "Post an event" from a cluster's page ---------------------------------------------------------


def ticked_clusters(response):
    return [str(pk) for pk in response.context["form"]["clusters"].value() or []]


def test_lead_following_post_an_event_gets_their_cluster_ticked(client, lead):
    response = login(client, lead).get(f"{CREATE_URL}?cluster=digital-democracy")

    assert ticked_clusters(response) == [cluster_pk("digital-democracy")]
    box = BeautifulSoup(response.text, "html.parser").find(
        "input", attrs={"name": "clusters", "value": cluster_pk("digital-democracy")}
    )
    assert box.has_attr("checked")


@pytest.mark.parametrize("slug", ["health-and-care", "no-such-cluster", ""])
def test_lead_cannot_prefill_a_cluster_they_do_not_lead(client, lead, slug):
    response = login(client, lead).get(f"{CREATE_URL}?cluster={slug}")

    assert ticked_clusters(response) == []


def test_non_lead_cannot_prefill_a_cluster(client, stranger):
    response = login(client, stranger).get(f"{CREATE_URL}?cluster=digital-democracy")

    assert ticked_clusters(response) == []
