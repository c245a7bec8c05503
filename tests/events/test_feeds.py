"""iCalendar and RSS feeds, parsed back: DTSTART with its TZID, RRULE, stable UIDs."""

import datetime as dt
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.conf import settings
from django.urls import reverse

from clusters.models import Cluster
from tests.factories.events import EventFactory, days_from_now

pytestmark = pytest.mark.django_db

FEED_URL = reverse("events:feed-ics")


def vevents(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(vevent["SUMMARY"]): vevent for vevent in calendar.walk("VEVENT")}, calendar


def test_feed_carries_upcoming_events_in_their_own_zone_with_stable_uids(client):
    start = days_from_now(12, hour=19, zone="America/New_York")
    event = EventFactory(
        title="Civic hack night",
        start=start,
        end=start + dt.timedelta(hours=3),
        timezone="America/New_York",
        recurrence="MONTHLY",
        recurrence_count=6,
    )
    EventFactory(title="Over", start=days_from_now(-2))
    EventFactory(title="Hidden", pending=True)

    response = client.get(FEED_URL)
    events, calendar = vevents(response)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert list(events) == ["Civic hack night"]
    vevent = events["Civic hack night"]
    assert vevent["DTSTART"].params["TZID"] == "America/New_York"
    assert vevent["DTSTART"].dt == start
    assert vevent["DTSTART"].dt.hour == 19
    assert vevent["DTEND"].dt == start + dt.timedelta(hours=3)
    assert vevent["RRULE"].to_ical() == b"FREQ=MONTHLY;COUNT=6"
    assert str(vevent["UID"]) == f"event-{event.pk}@{settings.CALENDAR_UID_DOMAIN}"
    assert str(vevent["URL"]) == f"http://testserver/events/{event.slug}/"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert str(vevents(client.get(FEED_URL))[0]["Civic hack night"]["UID"]) == str(vevent["UID"])


def test_weekly_event_until_a_date_has_an_until_in_utc(client):
    start = days_from_now(3, hour=9, zone="Europe/Lisbon")
    until = (start + dt.timedelta(days=60)).date()
    EventFactory(
        title="Standup",
        start=start,
        end=start + dt.timedelta(hours=1),
        timezone="Europe/Lisbon",
        recurrence="WEEKLY",
        recurrence_until=until,
    )

    vevent = vevents(client.get(FEED_URL))[0]["Standup"]

    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["UNTIL"][0] == dt.datetime.combine(
        until, dt.time(23, 59, 59), ZoneInfo("Europe/Lisbon")
    ).astimezone(dt.UTC)


def test_cluster_feed_holds_only_that_clusters_events(client):
    cluster = Cluster.objects.get(slug="digital-democracy")
    EventFactory(
        title="Ours",
        clusters=[cluster],
        start=days_from_now(3, zone="Asia/Kolkata"),
        timezone="Asia/Kolkata",
    )
    EventFactory(title="Theirs", clusters=[Cluster.objects.get(slug="health-and-care")])

    response = client.get("/clusters/digital-democracy/events.ics")
    events, calendar = vevents(response)

    assert list(events) == ["Ours"]
    assert events["Ours"]["DTSTART"].params["TZID"] == "Asia/Kolkata"
    assert str(calendar["X-WR-CALNAME"]) == "DSI Hub: Digital democracy events"
    assert client.get("/clusters/no-such-cluster/events.ics").status_code == 404


def test_uids_are_the_same_whatever_host_the_feed_is_fetched_by(client, settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    settings.CALENDAR_UID_DOMAIN = "hub.example.org"
    event = EventFactory(title="Civic hack night")

    by_name = vevents(client.get(FEED_URL, HTTP_HOST="localhost"))[0]
    by_address = vevents(client.get(FEED_URL, HTTP_HOST="127.0.0.1"))[0]

    assert str(by_name["Civic hack night"]["UID"]) == f"event-{event.pk}@hub.example.org"
    assert str(by_address["Civic hack night"]["UID"]) == f"event-{event.pk}@hub.example.org"


def test_a_cluster_without_events_serves_a_calendar_with_a_component(client):
    """RFC 5545 §3.6: a VCALENDAR holds one component or more; the site's zone is the one."""
    response = client.get("/clusters/digital-democracy/events.ics")
    calendar = icalendar.Calendar.from_ical(response.content)

    assert calendar.walk("VEVENT") == []
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [settings.TIME_ZONE]


def test_event_download_is_an_ics_attachment(client):
    event = EventFactory(title="Breakfast")

    response = client.get(event.get_calendar_url())

    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    assert list(vevents(response)[0]) == ["Breakfast"]
    assert client.get(EventFactory(pending=True).get_calendar_url()).status_code == 404


def test_rss_feed_lists_upcoming_events(client):
    EventFactory(title="Soon", summary="Come along.")
    EventFactory(title="Over", start=days_from_now(-3))

    response = client.get(reverse("events:feed-rss"))

    items = ET.fromstring(response.content).findall("./channel/item")  # noqa: S314 - our own feed
    assert [item.findtext("title") for item in items] == ["Soon"]
    assert response.cookies == {}


@pytest.mark.parametrize("count", [1, 20])
@pytest.mark.parametrize(
    "url", [FEED_URL, "/clusters/digital-democracy/events.ics", "/events/feed.rss"]
)
def test_feeds_cost_the_same_queries_for_1_and_20_events(
    client, django_assert_num_queries, count, url
):
    cluster = Cluster.objects.get(slug="digital-democracy")
    for number in range(count):
        EventFactory(clusters=[cluster], start=days_from_now(number + 1))

    with django_assert_num_queries(2 if "clusters" in url else 1):
        response = client.get(url)

    assert response.content.count(b"<item>" if url.endswith("rss") else b"BEGIN:VEVENT") == count
    assert response.cookies == {}


def test_feed_shows_an_edited_event_at_once_without_the_page_cache(client, settings):
    settings.PAGE_CACHE = False
    event = EventFactory(title="Before the edit")
    assert "Before the edit" in vevents(client.get(FEED_URL))[0]

    event.title = "After the edit"
    event.save()
    events, _ = vevents(client.get(FEED_URL))

    assert list(events) == ["After the edit"]


def test_feed_is_kept_until_the_content_changes(client, settings, django_assert_num_queries):
    settings.PAGE_CACHE = False
    EventFactory(title="Kept")
    first = client.get(FEED_URL)

    with django_assert_num_queries(0):
        second = client.get(FEED_URL)

    assert second.content == first.content
