"""A cluster lead posts an event for their cluster in New York time (the server runs on
Brussels time): it is public at once on /events/, on the cluster's page and in the cluster's
calendar feed, at 18:30 New York time. A regular member's event waits for a moderator and shows
only once approved in the Wagtail admin. axe checks the form, the pages and the cluster page."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from clusters.models import Cluster
from events.models import Event
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.taxonomy import GazetteerPlaceFactory
from tests.support.browser import assert_accessible
from tests.support.journeys import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

YEAR = timezone.now().year + 1
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture(autouse=True)
def _site(settings, live_server):
    settings.SITE_URL = live_server.url


def fill_event(tab, *, title, start, end, zone, cluster=None, online=False):
    tab.get_by_label("Title (required)").fill(title)
    tab.get_by_label("Summary (required)").fill("Neighbours and their open data.")
    tab.get_by_label("Starts (required)").fill(start)
    tab.get_by_label("Ends (required)").fill(end)
    tab.get_by_label("Time zone", exact=True).select_option(zone)
    if online:
        tab.get_by_label("Online", exact=True).check()
        tab.get_by_label("Online address").fill("https://meet.example.org/open-data")
    else:
        tab.get_by_label("In person", exact=True).check()
        tab.get_by_label("Venue").fill("Civic Hall")
        tab.get_by_label("Country", exact=True).select_option("US")
        tab.get_by_label("City", exact=True).fill("New York City")
    tab.get_by_label("Free of charge").check()
    if cluster:
        tab.get_by_role("group", name="Clusters", exact=True).get_by_label(cluster).check()
    tab.get_by_role("button", name="Submit for review").click()


def test_lead_posts_at_once_and_a_members_event_waits_for_a_moderator(page, new_tab, live_server):
    GazetteerPlaceFactory(
        name="New York City",
        country="US",
        latitude="40.714270",
        longitude="-74.005970",
        timezone="America/New_York",
    )
    lead = UserFactory(email="lead@example.org", first_name="Lea", last_name="Lead")
    Cluster.objects.get(slug="digital-democracy").leads.add(lead)
    UserFactory(email="member@example.org", first_name="Mo", last_name="Member")
    UserFactory(email="mod@example.org", first_name="Mona", groups=["Moderators"])

    # The lead posts for their own cluster: published at once.
    log_in(page, "lead@example.org")
    page.goto("/events/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Submit an event")
    assert_accessible(page)
    fill_event(
        page,
        title="Civic data night",
        start=f"{YEAR}-03-05T18:30",
        end=f"{YEAR}-03-05T20:30",
        zone="America/New_York",
        cluster="Digital democracy",
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Civic data night")
    expect(page.get_by_role("status")).to_contain_text("is published")
    event = Event.objects.get()
    assert event.start == dt.datetime(YEAR, 3, 5, 18, 30, tzinfo=NEW_YORK)
    assert_accessible(page)

    visitor = new_tab()
    visitor.goto("/events/")
    card = visitor.locator("article", has_text="Civic data night")
    expect(card).to_contain_text(f"{dt.date(YEAR, 3, 5):%a %-d %b %Y}, 18:30–20:30 EST")
    expect(card).to_contain_text("New")
    assert_accessible(visitor)
    visitor.get_by_role("link", name="Civic data night").click()
    expect(visitor.locator(".place-map__canvas.leaflet-container")).to_be_visible()
    assert_accessible(visitor)

    visitor.goto("/clusters/digital-democracy/")
    expect(visitor.get_by_role("region", name="Upcoming events")).to_contain_text(
        "Civic data night"
    )
    assert_accessible(visitor)
    feed = visitor.request.get(f"{live_server.url}/clusters/digital-democracy/events.ics")
    [vevent] = icalendar.Calendar.from_ical(feed.body()).walk("VEVENT")
    assert vevent["DTSTART"].dt == dt.datetime(YEAR, 3, 5, 18, 30, tzinfo=NEW_YORK)
    assert vevent["DTSTART"].params["TZID"] == "America/New_York"
    # the site's one name (CALENDAR_UID_DOMAIN), not the host the feed was fetched from
    assert str(vevent["UID"]) == f"event-{event.pk}@{settings.CALENDAR_UID_DOMAIN}"
    assert settings.CALENDAR_UID_DOMAIN not in live_server.url

    # A member without a role: the event waits for a moderator.
    member = new_tab()
    log_in(member, "member@example.org")
    member.goto("/events/new/")
    fill_event(
        member,
        title="Open data clinic",
        start=f"{YEAR}-04-02T17:00",
        end=f"{YEAR}-04-02T18:00",
        zone="Europe/Lisbon",
        cluster="Digital democracy",
        online=True,
    )
    expect(member.get_by_role("note")).to_contain_text("Awaiting review")
    visitor.goto("/events/")
    expect(visitor.get_by_text("Open data clinic")).to_have_count(0)

    moderator = new_tab()
    moderator.goto("/admin/login/")
    moderator.get_by_label("Email").fill("mod@example.org")
    moderator.get_by_label("Password (required)", exact=True).fill(DEFAULT_PASSWORD)
    moderator.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(moderator).to_have_url(f"{live_server.url}/admin/")
    moderator.goto("/admin/snippets/events/event/")
    moderator.get_by_role("link", name="Open data clinic", exact=True).first.click()
    moderator.get_by_role("button", name="More actions").click()
    with moderator.expect_navigation():
        moderator.get_by_role("button", name="Approve and Publish").click()
    expect(moderator.locator(".messages")).to_contain_text("'Open data clinic' updated")

    visitor.goto("/events/")
    clinic = visitor.locator("article", has_text="Open data clinic")
    expect(clinic).to_contain_text(f"{dt.date(YEAR, 4, 2):%a %-d %b %Y}, 17:00–18:00 WEST")
