"""The Explore pages in Chromium: the map's markers are the list's rows with a place, the
network draws and focuses, the detail pages' small maps and neighbourhoods; axe finds no
serious or critical problem on any of them; nothing breaks the Content-Security-Policy and no
third-party request is made (tests/support/browser.py aborts and reports them)."""

import re

import pytest
from playwright.sync_api import expect

from taxonomy.models import AreaOfImpact
from tests.factories.events import EventFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.factories.taxonomy import PlaceFactory
from tests.support.browser import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def place(country):
    return {"city": PlaceFactory(country=country), "country": country}


@pytest.fixture
def directory():
    health, _ = AreaOfImpact.objects.get_or_create(
        slug="health-and-care", defaults={"name": "Health and care"}
    )
    culture, _ = AreaOfImpact.objects.get_or_create(
        slug="culture-and-arts", defaults={"name": "Culture and arts"}
    )
    alpha = OrganisationFactory(name="Alpha Care", areas=[health], **place("ES"))
    beta = OrganisationFactory(name="Beta Care", areas=[health], **place("PT"))
    gamma = OrganisationFactory(name="Gamma Arts", areas=[culture], **place("FR"))
    ProjectFactory(name="Care Bridge", areas=[health], organisations=[alpha, beta], **place("ES"))
    ProjectFactory(name="Care Cloud", city=None, country="ES", areas=[health], organisations=[beta])
    ProjectFactory(name="Care Lab", areas=[health], **place("IT"))
    ProjectFactory(name="Art Map", areas=[culture], organisations=[gamma], **place("FR"))
    EventFactory(title="Care meetup", **place("BE"))
    return alpha


@pytest.fixture
def offsite(page):
    """Every request the tab tries to send to another host."""
    attempts = []
    page.on(
        "request",
        lambda request: (
            attempts.append(request.url)
            if "127.0.0.1" not in request.url and "localhost" not in request.url
            else None
        ),
    )
    return attempts


def test_map_shows_the_lists_rows_with_a_place_clustered(page, offsite, directory):
    page.goto("/projects/?area=health-and-care")
    expect(page.get_by_role("heading", name="3 projects")).to_be_visible()

    page.get_by_role("link", name="Show these on a map").click()

    canvas = page.locator("[data-explore-map]")
    expect(canvas).to_have_attribute("data-marker-count", "2")  # Care Cloud has no city
    expect(page.get_by_text("2 places on the map")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Back to the list").click()
    expect(page).to_have_url(re.compile(r"/projects/\?area=health-and-care$"))
    assert offsite == []


def test_map_popup_names_the_kind_and_links_to_the_page(page, directory):
    page.goto("/explore/map/?kind=organisations&country=FR")
    expect(page.locator("[data-explore-map]")).to_have_attribute("data-marker-count", "1")

    page.get_by_role("button", name="Gamma Arts").click()

    popup = page.locator(".leaflet-popup")
    expect(popup).to_contain_text("Organisations")
    expect(popup.get_by_role("link", name="Gamma Arts")).to_have_attribute(
        "href", "/organisations/gamma-arts/"
    )


def test_network_draws_and_focuses_one_part(page, directory):
    page.goto("/explore/network/?focus=org:alpha-care")

    graph = page.locator("[data-network]")
    expect(graph).to_have_attribute("data-drawn", "true")
    expect(graph).to_have_attribute("data-node-count", "6")
    expect(
        page.get_by_text("Showing the network of Alpha Care: 4 organisations and projects.")
    ).to_be_visible()
    assert_accessible(page)


def test_statistics_page_is_accessible(page, directory):
    page.goto("/explore/")

    expect(
        page.get_by_role("heading", name="Organisations and projects by country")
    ).to_be_visible()
    page.get_by_text("Areas of impact: the numbers").click()
    expect(page.get_by_role("link", name="2").first).to_be_visible()
    assert_accessible(page)


def test_organisation_page_shows_its_small_map_and_neighbourhood(page, offsite, directory):
    page.goto(directory.get_absolute_url())

    expect(page.locator("[data-place-map].map-base")).to_be_visible()
    network = page.get_by_role("region", name="Network")
    expect(network).to_contain_text("Care Bridge with Beta Care")
    assert_accessible(page)
    network.get_by_role("link", name="See the network of Alpha Care").click()
    expect(page.locator("[data-network]")).to_have_attribute("data-focus", "org:alpha-care")
    assert offsite == []
