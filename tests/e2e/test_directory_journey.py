"""A visitor searches "open data" on /projects/, ticks two areas and a country, and sees the
counts change and the address follow (htmx swaps the results and facets); opens the map with the
same filters (one marker per result with a city) and then the network focused on one result.
Without JavaScript the same choices through "Show results" give the same list. axe checks the
pages."""

import re

import pytest
from playwright.sync_api import expect

from taxonomy.models import AreaOfImpact
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.factories.taxonomy import PlaceFactory
from tests.support.browser import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def projects():
    health = AreaOfImpact.objects.get(slug="health-and-care")
    culture = AreaOfImpact.objects.get(slug="culture-and-arts")
    brussels = PlaceFactory(country="BE")
    partners = [OrganisationFactory(name="Civic Lab Brussels", country="BE", city=brussels)]
    ProjectFactory(
        name="Open data commons",
        country="BE",
        city=brussels,
        areas=[health, culture],
        organisations=partners,
    )
    ProjectFactory(name="Open data for schools", country="FR", areas=[culture])
    ProjectFactory(name="Open data clinics", country="BE", areas=[health])  # no city: no marker
    ProjectFactory(name="Open data dances", country="DE", areas=[culture])
    ProjectFactory(name="Bike repair", country="BE", areas=[health])
    ProjectFactory(name="Open data drafts", country="BE", areas=[health], pending=True)


def listed(tab):
    return sorted(tab.locator(".listing-card__title").all_inner_texts())


def facet_box(tab, facet, label):
    return tab.locator(f"#facet-{facet}").get_by_label(re.compile(f"^{label}"))


def count_of(tab, facet, label):
    item = tab.locator(f"#facet-{facet} li").filter(has_text=label)
    return int(item.locator(".facet__count").inner_text().split()[0])


EXPECTED = ["Open data clinics", "Open data commons"]


def test_search_and_facets_with_javascript(projects, page):
    page.goto("/projects/")
    page.get_by_label("Search", exact=True).fill("open data")
    page.get_by_label("Search", exact=True).press("Enter")
    expect(page).to_have_url(re.compile(r"q=open(\+|%20)data"))
    expect(page.locator("#results-title")).to_have_text("4 projects")
    assert count_of(page, "country", "Belgium") == 2

    facet_box(page, "area", "Health and care").check()
    expect(page).to_have_url(re.compile("area=health-and-care"))
    expect(page.locator("#results-title")).to_have_text("2 projects")
    facet_box(page, "area", "Culture and arts").check()
    expect(page).to_have_url(re.compile("area=culture-and-arts"))
    expect(page.locator("#results-title")).to_have_text("4 projects")
    facet_box(page, "country", "Belgium").check()
    expect(page).to_have_url(re.compile("country=BE"))
    expect(page.locator("#results-title")).to_have_text("2 projects")

    assert listed(page) == EXPECTED
    assert count_of(page, "country", "France") == 1  # counted under the areas, not Belgium
    assert count_of(page, "area", "Culture and arts") == 1  # counted within Belgium
    assert "Open data drafts" not in page.content()
    assert_accessible(page)

    # The same filters on the map: one marker per listed project with a city.
    page.get_by_role("link", name="Show these on a map").click()
    expect(page).to_have_url(re.compile(r"/explore/map/\?kind=projects&.*country=BE"))
    expect(page.locator("[data-explore-map]")).to_have_attribute("data-marker-count", "1")
    expect(page.get_by_text("1 place on the map")).to_be_visible()
    page.get_by_role("link", name="Back to the list").click()
    expect(page.locator("#results-title")).to_have_text("2 projects")

    # The network, focused on one result.
    page.get_by_role("link", name="Open data commons").click()
    page.get_by_role("link", name="See the network of Open data commons").click()
    network = page.locator("[data-network]")
    expect(network).to_have_attribute("data-focus", "project:open-data-commons")
    expect(network).to_have_attribute("data-drawn", "true")
    expect(page.get_by_text("Showing the network of Open data commons")).to_be_visible()
    assert_accessible(page)


def test_the_same_journey_without_javascript_gives_the_same_list(projects, new_tab):
    tab = new_tab(javascript=False)
    tab.goto("/projects/")
    tab.get_by_label("Search", exact=True).fill("open data")
    tab.get_by_role("button", name="Show results").click()
    expect(tab.locator("#results-title")).to_have_text("4 projects")
    facet_box(tab, "area", "Health and care").check()
    facet_box(tab, "area", "Culture and arts").check()
    facet_box(tab, "country", "Belgium").check()
    tab.get_by_role("button", name="Show results").click()

    expect(tab.locator("#results-title")).to_have_text("2 projects")
    assert listed(tab) == EXPECTED
    assert "country=BE" in tab.url and "area=health-and-care" in tab.url


def test_the_search_page_is_accessible_and_links_into_the_list(projects, page):
    page.goto("/projects/")
    page.get_by_role("search").get_by_label("Search the hub").fill("open data")
    page.get_by_role("search").get_by_role("button", name="Search").click()

    expect(page.get_by_role("heading", name="Projects (4)")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="See all 4 projects").click()
    expect(page.locator("#results-title")).to_have_text("4 projects")
    assert_accessible(page)
