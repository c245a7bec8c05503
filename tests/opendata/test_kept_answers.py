"""Downloads and API answers are kept until public content changes: the same address is
answered from the cache without reading a row, a change of public content is seen at once, and
an answer from the cache still counts against the client's rate."""

import pytest

from tests.factories.listings import OrganisationFactory

pytestmark = pytest.mark.django_db


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode("utf-8-sig")


def test_a_second_download_of_the_same_selection_reads_no_row(client, django_assert_num_queries):
    OrganisationFactory(name="Berlin Makers", country="DE")
    url = "/open-data/organisations/selection.csv?country=DE"
    first = body(client.get(url))

    with django_assert_num_queries(0):
        second = body(client.get(url))

    assert second == first
    assert "Berlin Makers" in second


def test_a_download_shows_public_changes_at_once(client):
    url = "/open-data/organisations.csv"
    body(client.get(url))

    OrganisationFactory(name="Lyon Makers", country="FR")

    assert "Lyon Makers" in body(client.get(url))


def test_a_second_api_answer_for_the_same_address_reads_no_row(client, django_assert_num_queries):
    OrganisationFactory(name="Berlin Makers", country="DE")
    first = client.get("/api/v1/organisations/", {"country": "DE"})

    with django_assert_num_queries(0):
        second = client.get("/api/v1/organisations/", {"country": "DE"})

    assert second.json() == first.json()
    assert second["ETag"] == first["ETag"]


def test_the_api_shows_public_changes_at_once(client):
    client.get("/api/v1/organisations/")

    OrganisationFactory(name="Lyon Makers", country="FR")

    names = [row["name"] for row in client.get("/api/v1/organisations/").json()["results"]]
    assert names == ["Lyon Makers"]


def test_answers_from_the_cache_count_against_the_rate(client, settings):
    settings.OPEN_DATA_API_RATE = "3/m"
    client.get("/api/v1/organisations/")  # answered by the API, then kept

    answers = [client.get("/api/v1/organisations/") for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
