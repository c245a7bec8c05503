import pytest

from taxonomy.models import Place
from tests.factories.taxonomy import PlaceFactory

pytestmark = pytest.mark.django_db


def test_place_search_puts_the_most_populous_match_first():
    results = list(Place.objects.search("barcel", country="ES"))

    assert results[0].name == "Barcelona"
    assert {place.country.code for place in results} == {"ES"}


def test_place_search_without_country_spans_the_world():
    countries = {place.country.code for place in Place.objects.search("Barcelona")}

    assert {"ES", "VE"} <= countries


def test_place_search_matches_the_ascii_name():
    results = list(Place.objects.search("krakow"))

    assert results[0].name == "Kraków"


def test_place_search_with_blank_term_finds_nothing():
    assert list(Place.objects.search("  ")) == []


def test_place_in_country_accepts_a_lowercase_code():
    luxembourgish = PlaceFactory(name="Testville", country="LU")
    PlaceFactory(name="Testville", country="BE")

    testvilles = Place.objects.in_country("lu").filter(name="Testville")

    assert list(testvilles) == [luxembourgish]
