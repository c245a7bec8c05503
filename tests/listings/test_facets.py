"""The faceted directory (core.facets through listings.filters): OR within a facet, AND across
facets, counts under the other filters, greyed zero values, top keywords with "more", sort,
canonical addresses, and a fixed number of queries whatever the number of listings."""

import pytest
from django.utils import timezone

from clusters.models import Cluster
from taxonomy.models import AreaOfImpact, Place
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.support.facets import checked, facet_counts, greyed

pytestmark = pytest.mark.django_db

ORGS = "/organisations/"
PROJECTS = "/projects/"


def names(response):
    return [listing.name for listing in response.context["listings"]]


@pytest.fixture
def areas():
    return {
        "health": AreaOfImpact.objects.get(slug="health-and-care"),
        "culture": AreaOfImpact.objects.get(slug="culture-and-arts"),
    }


@pytest.fixture
def three(areas):
    """Two Belgian organisations (health, culture) and a French one (health)."""
    OrganisationFactory(name="Alpha", country="BE", areas=[areas["health"]])
    OrganisationFactory(name="Beta", country="BE", areas=[areas["culture"]])
    OrganisationFactory(name="Gamma", country="FR", areas=[areas["health"]])


def test_values_of_one_facet_are_or_and_facets_are_and(client, three):
    both_areas = {"area": ["health-and-care", "culture-and-arts"]}

    assert sorted(names(client.get(ORGS, both_areas))) == ["Alpha", "Beta", "Gamma"]
    assert names(client.get(ORGS, {**both_areas, "country": "FR"})) == ["Gamma"]
    assert sorted(names(client.get(ORGS, {"country": ["BE", "FR"]}))) == ["Alpha", "Beta", "Gamma"]


def test_each_facet_counts_under_the_other_filters_only(client, three):
    html = client.get(ORGS, {"country": "BE", "area": "health-and-care"}).text

    # Areas are counted among the Belgian ones, countries among the health ones.
    assert facet_counts(html, "area") == {"Culture and arts": 1, "Health and care": 1}
    assert facet_counts(html, "country") == {"Belgium": 1, "France": 1}
    assert checked(html, "area") == ["health-and-care"]
    assert checked(html, "country") == ["BE"]


def test_a_value_without_results_is_greyed_not_hidden(client, three):
    html = client.get(ORGS, {"country": "FR"}).text

    assert facet_counts(html, "area") == {"Culture and arts": 0, "Health and care": 1}
    assert greyed(html, "area") == ["Culture and arts"]


def test_pending_listings_are_never_listed_or_counted(client, three, areas):
    OrganisationFactory(name="Waiting", country="DE", areas=[areas["culture"]], pending=True)

    response = client.get(ORGS)

    assert "Waiting" not in names(response)
    assert facet_counts(response.text, "country") == {"Belgium": 2, "France": 1}
    assert facet_counts(response.text, "area") == {"Culture and arts": 1, "Health and care": 2}


def test_keywords_show_the_top_ten_and_more(client):
    for number in range(12):
        OrganisationFactory(keywords=[f"word{number:02}", "common"])

    html = client.get(ORGS).text
    more = client.get(ORGS, {"more": "keyword"}).text

    assert len(facet_counts(html, "keyword")) == 10
    assert facet_counts(html, "keyword")["common"] == 12
    assert "More (keyword)" in html
    assert len(facet_counts(more, "keyword")) == 13


def test_a_chosen_keyword_beyond_the_top_ten_stays_shown(client):
    for number in range(12):
        OrganisationFactory(keywords=["common"] * (number < 11) or ["rare"])

    html = client.get(ORGS, {"keyword": "rare"}).text

    assert checked(html, "keyword") == ["rare"]


def test_has_members_city_network_type_and_cluster_facets(client, areas):
    city = Place.objects.filter(country="BE").order_by("pk").first()
    OrganisationFactory(name="With people", country="BE", city=city, members=[UserFactory()])
    OrganisationFactory(name="Empty", areas=[areas["health"]])

    assert names(client.get(ORGS, {"members": "yes"})) == ["With people"]
    assert names(client.get(ORGS, {"city": str(city.pk)})) == ["With people"]
    html = client.get(ORGS).text
    assert facet_counts(html, "members") == {"Has members": 1}
    assert facet_counts(html, "city") == {city.name: 1}
    health_cluster = Cluster.objects.get(area=areas["health"])
    assert facet_counts(html, "cluster") == {health_cluster.title: 1}
    assert names(client.get(ORGS, {"cluster": health_cluster.slug})) == ["Empty"]


def test_project_status_and_start_year_facets(client):
    ProjectFactory(name="Old", status="closed", start_date=timezone.datetime(2019, 5, 1).date())
    ProjectFactory(name="New", start_date=timezone.datetime(2024, 1, 1).date())

    html = client.get(PROJECTS, {"year": "2019"}).text

    assert names(client.get(PROJECTS, {"year": ["2019", "2024"], "status": "closed"})) == ["Old"]
    assert facet_counts(html, "year") == {"2019": 1, "2024": 1}
    assert facet_counts(html, "status") == {"Closed": 1, "Live": 0}


def test_sort_by_name_and_newest(client, three):
    assert names(client.get(ORGS, {"sort": "name"})) == ["Alpha", "Beta", "Gamma"]
    assert names(client.get(ORGS, {"sort": "newest"})) == ["Gamma", "Beta", "Alpha"]


def test_an_unknown_value_lists_nothing(client, three):
    response = client.get(ORGS, {"area": "no-such-area"})

    assert names(response) == []
    assert "No published organisation matches these filters yet." in response.text


def test_canonical_address_has_one_order_for_every_order_of_the_filters(client, three):
    first = client.get(ORGS + "?country=BE&area=culture-and-arts&area=health-and-care&junk=1")
    second = client.get(ORGS + "?area=health-and-care&country=BE&area=culture-and-arts")

    canonical = (
        '<link rel="canonical" href="http://testserver/organisations/'
        '?area=culture-and-arts&amp;area=health-and-care&amp;country=BE">'
    )
    assert canonical in first.text
    assert canonical in second.text


def test_the_filters_button_counts_the_chosen_values(client, three):
    html = client.get(ORGS, {"country": "BE", "area": ["health-and-care", "culture-and-arts"]}).text

    assert "Filters (3)" in html


@pytest.mark.parametrize("count", [1, 4])
def test_organisation_list_with_facets_costs_a_fixed_number_of_queries(
    client, django_assert_num_queries, count, areas
):
    for number in range(count):
        OrganisationFactory(
            country="BE", areas=[areas["health"]], keywords=[f"k{number}"], members=[UserFactory()]
        )

    with django_assert_num_queries(14):  # 11 facets, each one query
        response = client.get(ORGS, {"area": "health-and-care", "country": "BE", "sort": "name"})

    assert len(response.context["listings"]) == count


@pytest.mark.parametrize("count", [1, 4])
def test_project_list_with_facets_costs_a_fixed_number_of_queries(
    client, django_assert_num_queries, count, areas
):
    for _ in range(count):
        ProjectFactory(country="BE", areas=[areas["health"]])

    with django_assert_num_queries(13):  # 10 facets, each one query
        response = client.get(PROJECTS, {"area": "health-and-care", "status": "live"})

    assert len(response.context["listings"]) == count


def test_a_malformed_year_or_city_matches_nothing_without_an_error(client):
    ProjectFactory(name="Dated", start_date=timezone.datetime(2020, 1, 1).date())

    assert names(client.get(PROJECTS, {"year": "9999-12-31"})) == []
    assert names(client.get(PROJECTS, {"city": "nowhere"})) == []
    assert names(client.get(PROJECTS, {"year": ["2020", "x"]})) == ["Dated"]
