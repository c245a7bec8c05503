"""The weekly event digest: each subscriber gets the upcoming events of their clusters and
countries, nobody gets an empty digest, and a week never gets two."""

import datetime as dt

import pytest

from events.choices import EventFormat
from newsletter.choices import DeliveryKind, DeliveryStatus, SubscriberStatus
from newsletter.models import Delivery
from newsletter.services import dispatch
from tests.factories.clusters import ClusterFactory
from tests.factories.events import EventFactory, days_from_now
from tests.factories.funding import FundingCallFactory, in_days
from tests.factories.newsletter import SubscriberFactory
from tests.factories.taxonomy import PlaceFactory
from tests.support.mail import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def send_digest(mailbox, django_capture_on_commit_callbacks):
    """Queue this week's digest and send it as the worker would (eager tasks); returns
    {address: digest text} of what arrived at the SMTP sink."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            dispatch.queue_digest()
        return {
            recipient: text_of(message)
            for message in mailbox.received
            for recipient in message.envelope_recipients
        }

    return run


@pytest.fixture
def clusters():
    return ClusterFactory(title="Open data"), ClusterFactory(title="Civic tech")


def test_subscribers_of_different_clusters_get_different_events(send_digest, clusters):
    open_data, civic_tech = clusters
    EventFactory(title="Open data day", clusters=[open_data])
    EventFactory(title="Civic hack night", clusters=[civic_tech])
    SubscriberFactory(email="ada@example.org", clusters=[open_data])
    SubscriberFactory(email="grace@example.org", clusters=[civic_tech])

    received = send_digest()

    assert sorted(received) == ["ada@example.org", "grace@example.org"]
    assert "Open data day" in received["ada@example.org"]
    assert "Civic hack night" not in received["ada@example.org"]
    assert "Civic hack night" in received["grace@example.org"]
    assert "Open data day" not in received["grace@example.org"]


def test_subscriber_without_clusters_gets_every_event(send_digest, clusters):
    open_data, civic_tech = clusters
    EventFactory(title="Open data day", clusters=[open_data])
    EventFactory(title="Civic hack night", clusters=[civic_tech])
    SubscriberFactory(email="ada@example.org")

    text = send_digest()["ada@example.org"]

    assert "Open data day" in text and "Civic hack night" in text


def test_subscriber_with_no_matching_events_gets_nothing(send_digest, clusters):
    open_data, civic_tech = clusters
    EventFactory(title="Open data day", clusters=[open_data])
    nobody_to_show = SubscriberFactory(email="grace@example.org", clusters=[civic_tech])

    received = send_digest()

    assert "grace@example.org" not in received
    assert not Delivery.objects.filter(subscriber=nobody_to_show).exists()


def test_events_beyond_fourteen_days_are_not_in_the_digest(send_digest):
    EventFactory(title="Far away", start=days_from_now(20))
    SubscriberFactory(email="ada@example.org")

    assert send_digest() == {}


def test_a_second_run_the_same_week_sends_nothing(send_digest, mailbox):
    EventFactory(title="Open data day")
    SubscriberFactory(email="ada@example.org")
    send_digest()

    received = send_digest()

    assert list(received) == ["ada@example.org"]
    assert len(mailbox.received) == 1
    assert Delivery.objects.filter(kind=DeliveryKind.DIGEST).count() == 1


def test_online_events_reach_every_country(send_digest):
    EventFactory(title="Webinar on open data", format=EventFormat.ONLINE, city=None, country="")
    EventFactory(title="Lisbon meetup", city=PlaceFactory(country="PT"))
    SubscriberFactory(email="ada@example.org", countries=["DE"])
    SubscriberFactory(email="joao@example.org", countries=["PT"])

    received = send_digest()

    assert "Webinar on open data" in received["ada@example.org"]
    assert "Lisbon meetup" not in received["ada@example.org"]
    assert "Webinar on open data" in received["joao@example.org"]
    assert "Lisbon meetup" in received["joao@example.org"]


def test_subscriber_who_does_not_want_the_digest_gets_nothing(send_digest):
    EventFactory(title="Open data day")
    SubscriberFactory(email="ada@example.org", wants_digest=False)
    SubscriberFactory(email="grace@example.org")

    assert list(send_digest()) == ["grace@example.org"]


def test_digest_carries_the_one_click_unsubscribe_headers(send_digest, mailbox):
    EventFactory(title="Open data day")
    SubscriberFactory(email="ada@example.org")
    send_digest()

    [message] = mailbox.received

    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/newsletter/unsubscribe/" in message["List-Unsubscribe"]
    # bulk mail written by a program: no vacation replies (RFC 3834)
    assert (message["Precedence"], message["Auto-Submitted"]) == ("bulk", "auto-generated")
    [delivery] = Delivery.objects.all()
    assert delivery.status == DeliveryStatus.SENT
    assert delivery.message_id == message["Message-ID"].strip("<>")


def test_subscriber_who_left_after_queueing_is_skipped(mailbox, django_capture_on_commit_callbacks):
    EventFactory(title="Open data day")
    leaving = SubscriberFactory(email="ada@example.org")
    dispatch.queue_digest()  # queued, not sent yet (the callbacks are not run)
    leaving.status = "unsubscribed"
    leaving.save()

    with django_capture_on_commit_callbacks(execute=True):
        dispatch.queue_digest()

    assert mailbox.received == []
    assert Delivery.objects.get().status == DeliveryStatus.SKIPPED


def test_digest_adds_funding_calls_of_the_clusters_closing_within_fourteen_days(
    send_digest, clusters
):
    open_data, civic_tech = clusters
    EventFactory(title="Open data day", clusters=[open_data])
    FundingCallFactory(title="Open Data Grants", clusters=[open_data], closes_on=in_days(10))
    FundingCallFactory(title="Civic Tech Grants", clusters=[civic_tech], closes_on=in_days(10))
    FundingCallFactory(title="Later Grants", clusters=[open_data], closes_on=in_days(40))
    SubscriberFactory(email="ada@example.org", clusters=[open_data])

    text = send_digest()["ada@example.org"]

    assert "Open Data Grants" in text
    assert "Civic Tech Grants" not in text
    assert "Later Grants" not in text


def test_pending_and_unsubscribed_addresses_get_no_digest(send_digest):
    EventFactory(title="Open data day")
    SubscriberFactory(email="pending@example.org", status=SubscriberStatus.PENDING)
    SubscriberFactory(email="left@example.org", status=SubscriberStatus.UNSUBSCRIBED)
    SubscriberFactory(email="bounced@example.org", status=SubscriberStatus.BOUNCED)

    assert send_digest() == {}


def test_digest_shows_an_events_time_in_the_events_own_zone(send_digest):
    """As the event page, its JSON-LD and its ICS do: 19:00 EST, not 1 a.m. in Brussels."""
    start = days_from_now(5, hour=19, zone="America/New_York")
    EventFactory(
        title="Civic hack night",
        start=start,
        end=start + dt.timedelta(hours=2),
        timezone="America/New_York",
    )
    SubscriberFactory(email="ada@example.org")

    text = send_digest()["ada@example.org"]

    assert "7 p.m. (EST)" in text or "7 p.m. (EDT)" in text
    assert "a.m. (CET)" not in text
