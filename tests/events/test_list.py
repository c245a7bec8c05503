"""/events/: upcoming by default (next occurrence first), ?when=past, filters, cards, cache."""

import datetime as dt

import pytest
from django.urls import reverse

from clusters.models import Cluster
from events.models import Event
from taxonomy.models import AreaOfImpact
from tests.factories.events import EventFactory, days_from_now
from tests.factories.taxonomy import PlaceFactory
from tests.support.facets import facet_counts
from tests.support.moderation import decide, submit

pytestmark = pytest.mark.django_db

LIST_URL = reverse("events:event-list")


def titles(response):
    return [event.title for event in response.context["events"]]


def test_list_shows_upcoming_published_events_soonest_first(client):
    EventFactory(title="Later", start=days_from_now(20))
    EventFactory(title="Sooner", start=days_from_now(2))
    EventFactory(title="Over", start=days_from_now(-3))
    EventFactory(title="Hidden", pending=True)

    response = client.get(LIST_URL)

    assert titles(response) == ["Sooner", "Later"]
    assert "2 events" in response.text


def test_past_events_leave_the_list_and_appear_in_the_archive(client):
    EventFactory(title="Last week", start=days_from_now(-7))
    EventFactory(title="Yesterday", start=days_from_now(-1))
    EventFactory(title="Tomorrow", start=days_from_now(1))

    response = client.get(LIST_URL, {"when": "past"})

    assert titles(response) == ["Yesterday", "Last week"]
    assert '<h1 class="page-header__title">Past events</h1>' in response.text
    assert titles(client.get(LIST_URL)) == ["Tomorrow"]


def test_event_still_running_stays_upcoming(client):
    start = days_from_now(-1)
    EventFactory(title="Three-day festival", start=start, end=start + dt.timedelta(days=3))

    assert titles(client.get(LIST_URL)) == ["Three-day festival"]


def test_recurring_monthly_event_shows_its_next_occurrence(client):
    first = days_from_now(-45, hour=19, zone="America/New_York")
    EventFactory(
        title="Civic hack night",
        start=first,
        end=first + dt.timedelta(hours=3),
        timezone="America/New_York",
        recurrence="MONTHLY",
        recurrence_count=6,
    )
    EventFactory(title="In three months", start=days_from_now(90))

    response = client.get(LIST_URL)

    event = Event.objects.get(title="Civic hack night")
    local_next = event.next_start.astimezone(event.zone)
    assert titles(response) == ["Civic hack night", "In three months"]
    assert event.next_start > dt.datetime.now(dt.UTC)
    assert (local_next.day, local_next.hour) == (first.day, 19)
    assert local_next.strftime("%a %-d %b %Y, 19:00") in response.text
    assert "Monthly" in response.text


def test_card_shows_time_in_the_events_own_zone_with_its_abbreviation(client):
    start = days_from_now(5, hour=18, zone="Asia/Tokyo")
    EventFactory(
        title="Tokyo meetup", start=start, end=start + dt.timedelta(hours=2), timezone="Asia/Tokyo"
    )

    response = client.get(LIST_URL)

    assert f"{start:%a %-d %b %Y}, 18:00–20:00 JST" in response.text


def test_new_badge_shows_for_the_first_seven_days(client):
    EventFactory(title="Fresh", first_published_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=2))
    EventFactory(
        title="Old news", first_published_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=8)
    )

    cards = client.get(LIST_URL).text.split('<article class="card')[1:]

    [fresh] = [card for card in cards if "Fresh" in card]
    [old] = [card for card in cards if "Old news" in card]
    assert ">New</span>" in fresh
    assert ">New</span>" not in old


def test_filters_narrow_the_list(client):
    cluster = Cluster.objects.get(slug="digital-democracy")
    area = AreaOfImpact.objects.get(slug="health-and-care")
    lisbon = PlaceFactory(name="Lisboa", country="PT")
    EventFactory(title="Cluster one", clusters=[cluster], is_free=True)
    EventFactory(title="Area one", areas=[area], city=lisbon, format="hybrid")
    EventFactory(title="Online one", format="online", city=None, summary="Coding for democracy")
    EventFactory(title="Far away", start=days_from_now(60))

    assert titles(client.get(LIST_URL, {"cluster": "digital-democracy"})) == ["Cluster one"]
    assert titles(client.get(LIST_URL, {"area": "health-and-care"})) == ["Area one"]
    assert titles(client.get(LIST_URL, {"country": "PT"})) == ["Area one"]
    assert titles(client.get(LIST_URL, {"format": "online"})) == ["Online one"]
    assert titles(client.get(LIST_URL, {"free": "on"})) == ["Cluster one"]
    assert titles(client.get(LIST_URL, {"q": "democracy"})) == ["Online one"]
    later = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    assert titles(client.get(LIST_URL, {"from": later})) == ["Far away"]
    assert "Far away" not in titles(client.get(LIST_URL, {"to": later}))


def test_list_is_paginated(client):
    for number in range(21):
        EventFactory(title=f"Event {number:02}", start=days_from_now(number + 1))

    first, second = client.get(LIST_URL), client.get(LIST_URL, {"page": 2})

    assert len(titles(first)) == 20
    assert titles(second) == ["Event 20"]


@pytest.mark.parametrize("count", [1, 20])
def test_list_costs_the_same_queries_for_1_and_20_events(client, django_assert_num_queries, count):
    clusters = list(Cluster.objects.all()[:2])
    for number in range(count):
        EventFactory(clusters=clusters, start=days_from_now(number + 1))

    # events and their count, the four facets (cluster, area, country, format), clusters of the
    # cards
    with django_assert_num_queries(7):
        response = client.get(LIST_URL)

    assert len(titles(response)) == count


def test_anonymous_list_sets_no_cookie_and_is_cached(client):
    EventFactory(title="Cached")

    first = client.get(LIST_URL)
    second = client.get(LIST_URL)

    assert first.cookies == {} and second.cookies == {}
    assert second["X-Page-Cache"] == "hit"
    assert "Cached" in second.content.decode()


def test_approving_an_event_shows_it_at_once_on_the_cached_list(client, stranger, moderator):
    event = EventFactory(title="Waiting", pending=True, submitted_by=stranger)
    submit(event, by=stranger)
    assert "Waiting" not in client.get(LIST_URL).content.decode()

    decide(event, moderator, "approve")

    assert "Waiting" in client.get(LIST_URL).content.decode()


def test_facets_count_published_upcoming_events_only_and_combine(client):
    clusters = list(Cluster.objects.order_by("pk")[:2])
    EventFactory(title="Both", clusters=clusters, format="online")
    EventFactory(title="First", clusters=clusters[:1])
    EventFactory(title="Draft", clusters=clusters, pending=True)
    EventFactory(title="Over", clusters=clusters, start=days_from_now(-10))

    response = client.get(LIST_URL, {"cluster": [c.slug for c in clusters], "format": "online"})

    assert titles(response) == ["Both"]
    counts = facet_counts(response.text, "cluster")
    assert counts == {clusters[0].title: 1, clusters[1].title: 1}  # under format=online
    assert facet_counts(response.text, "format") == {"In person": 1, "Online": 1}
