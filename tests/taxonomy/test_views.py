"""The city autocomplete the listing forms use: /places/?country=ES&q=barc."""

import pytest
from django.urls import reverse

from taxonomy.models import Place

pytestmark = pytest.mark.django_db

PLACES_URL = reverse("taxonomy:place-search")


def test_places_finds_cities_of_the_country_by_their_first_letters(client):
    barcelona = Place.objects.get(country="ES", name="Barcelona")

    response = client.get(PLACES_URL, {"country": "ES", "q": "barc"})

    assert PLACES_URL == "/places/"
    assert response.json()[0] == {
        "id": barcelona.pk,
        "name": "Barcelona",
        "label": "Barcelona, Spain",
        "country": "ES",
        "timezone": "Europe/Madrid",  # the event form's zone follows the city
    }
    assert {place["label"].split(", ")[-1] for place in response.json()} == {"Spain"}


def test_places_answers_at_most_ten(client):
    response = client.get(PLACES_URL, {"country": "DE", "q": "b"})

    assert len(response.json()) == 10


def test_places_without_a_term_answers_nothing(client):
    assert client.get(PLACES_URL, {"country": "ES"}).json() == []


def test_places_without_a_country_searches_every_country_with_each_ones_code(client):
    response = client.get(PLACES_URL, {"country": "", "q": "lyon"})

    assert response.json()[0]["label"] == "Lyon, France"
    assert response.json()[0]["country"] == "FR"
