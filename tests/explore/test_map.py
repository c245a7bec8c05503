"""/explore/map/ and its GeoJSON: the directory's filter state, published content only."""

import json

import pytest
from django.urls import reverse

from taxonomy.models import AreaOfImpact
from tests.factories.events import EventFactory, days_from_now
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.factories.taxonomy import PlaceFactory

pytestmark = pytest.mark.django_db

MAP_URL = reverse("explore:map")
DATA_URL = reverse("explore:map-data")


def features(client, **params):
    response = client.get(DATA_URL, params)
    assert response["Content-Type"] == "application/geo+json"
    return json.loads(response.content)["features"]


def names(client, **params):
    return sorted(feature["properties"]["name"] for feature in features(client, **params))


def test_geojson_points_have_the_popup_fields_and_the_place(client):
    place = PlaceFactory(latitude="41.385060", longitude="2.173400", country="ES")
    organisation = OrganisationFactory(
        name="Barcelona Commons", city=place, short_description="Co-ops & <friends>"
    )

    [feature] = features(client, kind="organisations")

    assert feature == {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [2.1734, 41.38506]},
        "properties": {
            "kind": "organisations",
            "name": "Barcelona Commons",
            "description": "Co-ops & <friends>",
            "url": organisation.get_absolute_url(),
        },
    }


def test_geojson_follows_the_lists_filters_and_leaves_out_rows_without_a_city(client):
    health = AreaOfImpact.objects.get(slug="health-and-care")
    culture = AreaOfImpact.objects.get(slug="culture-and-arts")
    OrganisationFactory(name="Care Lab", city=PlaceFactory(), areas=[health])
    OrganisationFactory(name="Art Lab", city=PlaceFactory(), areas=[culture])
    OrganisationFactory(name="Nowhere Lab", city=None, country="FR", areas=[health])
    ProjectFactory(name="Care Map", city=PlaceFactory(), areas=[health])

    assert names(client, kind="organisations", area="health-and-care") == ["Care Lab"]
    assert names(client, area="health-and-care") == ["Care Lab", "Care Map"]
    assert names(client, kind="projects") == ["Care Map"]


def test_geojson_shows_upcoming_events_only(client):
    EventFactory(title="Next meetup")
    EventFactory(
        title="Last year's meetup", start=days_from_now(-400), end=days_from_now(-400, hour=20)
    )

    assert names(client, kind="events") == ["Next meetup"]


def test_geojson_never_shows_pending_rejected_or_withdrawn_content(client, hidden):
    hidden(OrganisationFactory)
    hidden(ProjectFactory)
    OrganisationFactory(name="Shown", city=PlaceFactory())
    EventFactory(title="Shown event")
    EventFactory(title="Hidden event", pending=True)

    assert names(client) == ["Shown", "Shown event"]


@pytest.mark.parametrize("count", [1, 3])
def test_geojson_costs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    for _ in range(count):
        OrganisationFactory(city=PlaceFactory())
        ProjectFactory(city=PlaceFactory())
        EventFactory()

    with django_assert_num_queries(3):  # one a kind
        assert len(features(client)) == 3 * count
    with django_assert_num_queries(0):  # cached until the content changes
        features(client)


@pytest.mark.parametrize("count", [1, 3])
def test_map_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    health = AreaOfImpact.objects.get(slug="health-and-care")
    for _ in range(count):
        ProjectFactory(city=PlaceFactory(), areas=[health])

    with django_assert_num_queries(1):  # the projects (the area facet filters by slug)
        response = client.get(MAP_URL, {"kind": "projects", "area": "health-and-care"})

    assert response.context["data"]["total"] == count


def test_map_page_counts_and_lists_countries_without_javascript(client):
    OrganisationFactory(city=PlaceFactory(country="ES"))
    OrganisationFactory(city=PlaceFactory(country="ES"))
    ProjectFactory(city=PlaceFactory(country="PT"))

    response = client.get(MAP_URL)

    assert response.context["data"]["countries"] == [("ES", "Spain", 2), ("PT", "Portugal", 1)]
    assert "3 places on the map" in response.text


def test_map_page_links_back_to_the_list_with_the_same_filters(client):
    response = client.get(MAP_URL, {"kind": "projects", "area": "health-and-care"})

    assert 'href="/projects/?area=health-and-care">Back to the list</a>' in response.text
    assert f'data-geojson="{DATA_URL}?kind=projects&amp;area=health-and-care"' in response.text


def test_the_lists_link_to_the_map_with_their_filters(client):
    response = client.get(reverse("projects:project-list"), {"area": "health-and-care"})

    assert f'href="{MAP_URL}?kind=projects&amp;area=health-and-care"' in response.text
