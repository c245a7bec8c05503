"""A cluster lead posts an event from their cluster's page: "Post an event" opens the form with
the cluster ticked, choosing the city sets the event's time zone to the city's (Porto:
Europe/Lisbon, while the server runs on Brussels time), and the event is published at once in
that zone. Visitors and other members see no "Post an event". axe checks the pages."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from clusters.models import Cluster
from events.models import Event
from tests.factories.accounts import UserFactory
from tests.factories.taxonomy import GazetteerPlaceFactory
from tests.support.browser import assert_accessible
from tests.support.journeys import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

YEAR = timezone.now().year + 1
CLUSTER_PAGE = "/clusters/digital-democracy/"


@pytest.fixture(autouse=True)
def _site(settings, live_server):
    settings.SITE_URL = live_server.url


def test_lead_posts_an_event_from_the_cluster_page_in_the_citys_zone(page, new_tab):
    GazetteerPlaceFactory(
        name="Porto",
        country="PT",
        latitude="41.149610",
        longitude="-8.610990",
        timezone="Europe/Lisbon",
    )
    lead = UserFactory(email="lead@example.org", first_name="Lea", last_name="Lead")
    Cluster.objects.get(slug="digital-democracy").leads.add(lead)
    UserFactory(email="member@example.org")

    member = new_tab()
    log_in(member, "member@example.org")
    member.goto(CLUSTER_PAGE)
    expect(member.get_by_role("link", name="All events of Digital democracy")).to_be_visible()
    expect(member.get_by_role("link", name="Post an event")).to_have_count(0)

    log_in(page, "lead@example.org")
    page.goto(CLUSTER_PAGE)
    assert_accessible(page)
    page.get_by_role("link", name="Post an event for Digital democracy").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Submit an event")
    clusters = page.get_by_role("group", name="Clusters", exact=True)
    expect(clusters.get_by_label("Digital democracy")).to_be_checked()
    expect(clusters.get_by_label("Health and care")).not_to_be_checked()
    zone = page.get_by_label("Time zone", exact=True)
    expect(zone).to_have_value("")
    page.get_by_label("Title (required)").fill("Porto civic data night")
    page.get_by_label("Summary (required)").fill("Neighbours and their open data.")
    page.get_by_label("Starts (required)").fill(f"{YEAR}-03-05T18:30")
    page.get_by_label("Ends (required)").fill(f"{YEAR}-03-05T20:30")
    page.get_by_label("In person", exact=True).check()
    page.get_by_label("Venue").fill("Biblioteca Municipal")
    page.get_by_label("Country", exact=True).select_option("PT")
    page.get_by_label("City", exact=True).fill("Porto")
    page.get_by_label("City", exact=True).press("Tab")

    expect(zone).to_have_value("Europe/Lisbon")
    expect(page.get_by_text("The time zone of Porto: Europe/Lisbon.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Free of charge").check()
    page.get_by_role("button", name="Submit for review").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Porto civic data night")
    expect(page.get_by_role("status")).to_contain_text("is published")
    event = Event.objects.get()
    assert event.timezone == "Europe/Lisbon"
    assert event.start == dt.datetime(YEAR, 3, 5, 18, 30, tzinfo=ZoneInfo("Europe/Lisbon"))
    assert [c.slug for c in event.clusters.all()] == ["digital-democracy"]
    assert (event.live, event.submitted_by) == (True, lead)


def test_a_zone_chosen_by_hand_is_kept_when_the_city_changes(page):
    GazetteerPlaceFactory(
        name="Porto",
        country="PT",
        latitude="41.149610",
        longitude="-8.610990",
        timezone="Europe/Lisbon",
    )
    UserFactory(email="member@example.org")
    log_in(page, "member@example.org")
    page.goto("/events/new/")

    page.get_by_label("Time zone", exact=True).select_option("Atlantic/Azores")
    page.get_by_label("Country", exact=True).select_option("PT")
    page.get_by_label("City", exact=True).fill("Porto")
    page.get_by_label("City", exact=True).press("Tab")
    page.wait_for_timeout(500)

    expect(page.get_by_label("Time zone", exact=True)).to_have_value("Atlantic/Azores")
