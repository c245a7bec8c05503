"""The index pages as a visitor reads them: ranking, a city's steps, the explorer, downloads."""

import csv
import io

import pytest
from django.urls import reverse

from dsiindex import method
from dsiindex.models import City, ThemeScore
from taxonomy.models import Place
from tests.factories.listings import OrganisationFactory

from .data import load, values_csv

pytestmark = pytest.mark.django_db

FIVE_CITIES = [
    ("Amsterdam", "NL"),
    ("Berlin", "DE"),
    ("Lisbon", "PT"),
    ("Warsaw", "PL"),
    ("Vienna", "AT"),
]
FIVE_ROWS = [(0, 5, 1, 4), (10, 5, 2, 3), (20, 1, 3, 2), (30, 9, 100, 1), (15, 4, 2, 2)]


def test_without_a_published_edition_the_index_is_not_found(client):
    load(published=False)
    assert client.get(reverse("dsiindex:index")).status_code == 404


def test_the_ranking_lists_every_city_best_first_with_the_synthetic_warning(client):
    edition = load()
    edition.synthetic = True
    edition.save()
    page = client.get(reverse("dsiindex:index")).content.decode()
    order = [page.index(f">{name}</a>") for name in ("Warsaw", "Lisbon", "Berlin", "Amsterdam")]
    assert order == sorted(order)
    assert "Synthetic data." in page
    assert reverse("dsiindex:download", args=["scores", "csv"]) in page


@pytest.mark.parametrize("cities", [2, 5])
def test_index_city_and_explorer_pages_cost_a_fixed_number_of_queries(
    client, django_assert_num_queries, cities
):
    load(values=values_csv(cities=FIVE_CITIES[:cities], raw=FIVE_ROWS[:cities]))
    with django_assert_num_queries(4):
        client.get(reverse("dsiindex:index"))
    with django_assert_num_queries(4):
        client.get(reverse("dsiindex:explore") + "?society=1&skills=3")
    with django_assert_num_queries(9):
        client.get(reverse("dsiindex:city", args=["berlin"]))


def test_a_city_page_shows_each_step_and_the_hub_listings_there(client):
    load()
    berlin = Place.objects.named("DE", "Berlin")
    OrganisationFactory(name="Berlin Civic Lab", city=berlin)
    OrganisationFactory(name="Hidden Pending Lab", city=berlin, pending=True)
    page = client.get(reverse("dsiindex:city", args=["warsaw"])).content.decode()
    assert "Rank 1 of 4" in page
    # The outlier's chain: raw 100, capped at 65.5, scored 0.900.
    assert "<td>100</td>" in page and "<td>65.500</td>" in page and "0.900" in page
    page = client.get(reverse("dsiindex:city", args=["berlin"])).content.decode()
    assert "Berlin Civic Lab" in page
    assert "Hidden Pending Lab" not in page


def test_the_explorer_ranks_with_the_weights_in_the_address(client):
    edition = load()
    cities = list(City.objects.filter(edition=edition).order_by("pk"))
    scores = [
        [s.score for s in ThemeScore.objects.filter(city=city).order_by("theme__position")]
        for city in cities
    ]
    _, ranks = method.reweighted(scores, [1, 3])
    expected = sorted(zip(ranks, [city.name for city in cities], strict=True))
    page = client.get(reverse("dsiindex:explore") + "?society=1&skills=3").content.decode()
    positions = [page.index(f">{name}</a>") for _rank, name in expected]
    assert positions == sorted(positions)
    assert 'name="skills" min="0" max="100" step="0.5" value="3.0"' in page


def test_weights_that_add_up_to_zero_fall_back_to_the_edition_weights(client):
    load()
    page = client.get(reverse("dsiindex:explore") + "?society=0&skills=0").content.decode()
    assert "The weights added up to zero" in page


def test_downloads_carry_the_scores_and_inputs_under_the_licence(client):
    load()
    response = client.get(reverse("dsiindex:download", args=["scores", "csv"]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["city"] for row in rows] == ["Warsaw", "Lisbon", "Berlin", "Amsterdam"]
    assert rows[0]["index"] == "1.0" and set(rows[0]) >= {"society", "skills", "rank"}
    data = client.get(reverse("dsiindex:download", args=["inputs", "json"])).json()
    assert data["licence"] == "CC BY 4.0" and len(data["inputs"]) == 16
    assert client.get("/dsi-index/download/secrets.csv").status_code == 404
