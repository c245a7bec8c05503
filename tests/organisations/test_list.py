"""The organisation directory at /organisations/: published only, newest first, filterable."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from taxonomy.models import AreaOfImpact, DSIFocus, Place, Technology
from tests.factories.listings import OrganisationFactory
from tests.support.facets import facet_counts

pytestmark = pytest.mark.django_db

LIST_URL = reverse("organisations:organisation-list")


def names(response):
    return [listing.name for listing in response.context["listings"]]


def test_list_shows_only_published_organisations_newest_first(client):
    now = timezone.now()
    OrganisationFactory(name="Older", first_published_at=now - timedelta(days=2))
    OrganisationFactory(name="Newer", first_published_at=now - timedelta(days=1))
    OrganisationFactory(name="Waiting", pending=True)

    response = client.get(LIST_URL)

    assert names(response) == ["Newer", "Older"]
    assert "Waiting" not in response.text
    assert "2 organisations" in response.text


def test_list_card_shows_logo_name_summary_place_and_areas(client):
    health = AreaOfImpact.objects.get(slug="health-and-care")
    OrganisationFactory(
        name="Open Kitchen",
        short_description="Neighbours cooking together.",
        country="ES",
        city=Place.objects.get(country="ES", name="Barcelona"),
        logo="listings/logos/kitchen.png",
        areas=[health],
    )

    html = client.get(LIST_URL).text

    assert '<a href="/organisations/open-kitchen/">Open Kitchen</a>' in html
    assert "Neighbours cooking together." in html
    assert "Barcelona, Spain" in html
    assert '<li class="tag tag--neutral">Health and care</li>' in html
    assert 'src="/media/listings/logos/kitchen.png"' in html


def test_list_keeps_the_old_index_url_name():
    assert reverse("organisations:organisation-list") == LIST_URL == "/organisations/"


def test_list_filters_by_area_technology_focus_country_and_name(client):
    health = AreaOfImpact.objects.get(slug="health-and-care")
    open_data = Technology.objects.get(slug="open-data")
    hardware = DSIFocus.objects.get(slug="open-hardware")
    match = OrganisationFactory(name="Health Data Lab", country="BE", areas=[health])
    match.technologies.set([open_data])
    match.focus.set([hardware])
    match.save()
    OrganisationFactory(name="Health Kitchen", country="BE", areas=[health])
    OrganisationFactory(name="Data Friends", country="FR")

    assert names(client.get(LIST_URL, {"area": "health-and-care"})) == [
        "Health Kitchen",
        "Health Data Lab",
    ]
    assert names(client.get(LIST_URL, {"technology": "open-data"})) == ["Health Data Lab"]
    assert names(client.get(LIST_URL, {"focus": "open-hardware"})) == ["Health Data Lab"]
    assert names(client.get(LIST_URL, {"country": "FR"})) == ["Data Friends"]
    assert names(client.get(LIST_URL, {"q": "data", "country": "BE"})) == ["Health Data Lab"]


def test_list_country_facet_offers_only_countries_with_listings(client):
    OrganisationFactory(country="BE")
    OrganisationFactory(country="FR")
    OrganisationFactory(country="DE", pending=True)

    response = client.get(LIST_URL)

    assert facet_counts(response.text, "country") == {"Belgium": 1, "France": 1}


def test_list_with_unknown_filter_value_lists_nothing(client):
    OrganisationFactory()

    response = client.get(LIST_URL, {"area": "no-such-area"})

    assert names(response) == []
    assert "No published organisation matches these filters yet." in response.text


def test_list_is_paginated_by_20_and_keeps_the_filters(client):
    health = AreaOfImpact.objects.get(slug="health-and-care")
    for _ in range(21):
        OrganisationFactory(areas=[health])

    first = client.get(LIST_URL, {"area": "health-and-care"})
    second = client.get(LIST_URL, {"area": "health-and-care", "page": 2})

    assert len(first.context["listings"]) == 20
    assert len(second.context["listings"]) == 1
    assert 'href="?area=health-and-care&amp;page=2"' in first.text
    assert "Page 1 of 2" in first.text


@pytest.mark.parametrize("count", [1, 20])
def test_list_query_count_does_not_grow_with_listings(client, django_assert_num_queries, count):
    areas = list(AreaOfImpact.objects.all()[:3])
    for _ in range(count):
        OrganisationFactory(areas=areas, country="BE", city=Place.objects.filter(country="BE")[0])

    with django_assert_num_queries(14):  # 3 as before, 11 facets
        response = client.get(LIST_URL, {"area": areas[0].slug})

    assert len(response.context["listings"]) == count
