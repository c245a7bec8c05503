import pytest

from opendata.dictionary import BY_KEY, DATASETS
from tests.factories.listings import OrganisationFactory
from tests.factories.taxonomy import PlaceFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"


def ids(response):
    return [row["id"] for row in response.json()["results"]]


def every_page(client, url, **query):
    """The rows of every page of a list, following its `next` links."""
    rows, response = [], client.get(url, query)
    while True:
        rows += response.json()["results"]
        if not response.json()["next"]:
            return rows
        response = client.get(response.json()["next"])


def test_list_names_its_fields_as_the_data_dictionary_does(client, published):
    response = client.get(f"{API}/organisations/")

    [row] = response.json()["results"]
    assert list(row) == [column.name for column in BY_KEY["organisations"].columns]
    assert (row["id"], row["name"], row["city"]) == (
        published.organisation.pk,
        "Helsinki Civic Lab",
        "Helsinki",
    )


def test_list_takes_the_list_pages_filters(client):
    berlin = OrganisationFactory(name="Berlin Makers", country="DE")
    OrganisationFactory(name="Lyon Makers", country="FR")

    assert ids(client.get(f"{API}/organisations/", {"country": "DE"})) == [berlin.pk]
    assert ids(client.get(f"{API}/organisations/", {"q": "berlin"})) == [berlin.pk]


def test_a_facet_value_nothing_has_matches_nothing_as_on_the_list_page(client):
    OrganisationFactory(name="Berlin Makers", country="DE")

    response = client.get(f"{API}/organisations/", {"country": "ZZ"})

    assert response.status_code == 200
    assert ids(response) == []


def test_a_value_the_list_cannot_take_is_a_422_naming_it(client):
    OrganisationFactory(name="Berlin Makers", country="DE")

    response = client.get(f"{API}/organisations/", {"sort": "by-shoe-size"})

    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["query", "sort"]]


def test_cursor_pages_hold_every_row_once(client):
    made = [OrganisationFactory(name=f"Org {number}").pk for number in range(5)]

    rows = every_page(client, f"{API}/organisations/", page_size=2)

    assert [row["id"] for row in rows] == sorted(made)


def test_a_cursor_the_api_did_not_write_is_a_422(client):
    response = client.get(f"{API}/organisations/", {"cursor": "cD1hYmM="})  # p=abc

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "cursor"]


def test_detail_gives_one_row_and_404_for_anything_unpublished(client, published, hidden):
    hidden_organisation = next(row for row in hidden if row._meta.model_name == "organisation")

    found = client.get(f"{API}/organisations/{published.organisation.pk}/")
    missing = client.get(f"{API}/organisations/{hidden_organisation.pk}/")

    assert found.json()["name"] == "Helsinki Civic Lab"
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Not Found"}


@pytest.mark.parametrize("dataset", [d.key for d in DATASETS])
def test_no_list_or_detail_shows_pending_rejected_or_withdrawn_content(
    client, published, hidden, dataset
):
    listed = every_page(client, f"{API}/{dataset}/") + every_page(
        client, f"{API}/{dataset}/", when="past"
    )
    details = [client.get(f"{API}/{dataset}/{row.pk}/") for row in hidden]

    assert listed
    assert "Hidden" not in str(listed)
    assert "Hidden" not in "".join(response.text for response in details)


@pytest.mark.parametrize("dataset", [d.key for d in DATASETS])
def test_no_answer_holds_people(client, published, dataset):
    listed = every_page(client, f"{API}/{dataset}/")
    details = [client.get(f"{API}/{dataset}/{row['id']}/").text for row in listed]
    text = (str(listed) + "".join(details)).casefold()

    assert "@" not in text
    for person in published.people:
        assert person.first_name.casefold() not in text
        assert person.last_name.casefold() not in text


def test_answers_carry_etags_and_a_revalidation_is_a_304(client, published):
    first = client.get(f"{API}/organisations/")

    again = client.get(f"{API}/organisations/", HTTP_IF_NONE_MATCH=first["ETag"])
    OrganisationFactory(name="Newcomers")
    changed = client.get(f"{API}/organisations/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_any_site_may_read_the_api(client, published):
    response = client.get(f"{API}/events/", HTTP_ORIGIN="https://elsewhere.example")
    preflight = client.options(
        f"{API}/events/",
        HTTP_ORIGIN="https://elsewhere.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_the_api_is_read_only(client, published):
    response = client.post(f"{API}/organisations/", {"name": "Spam"})

    assert response.status_code == 405
    assert ids(client.get(f"{API}/organisations/")) == [published.organisation.pk]


def test_a_client_over_the_rate_gets_429_with_retry_after(client, settings):
    settings.OPEN_DATA_API_RATE = "2/m"

    answers = [client.get(f"{API}/clusters/") for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert 1 <= int(answers[2]["Retry-After"]) <= 60
    assert answers[2].json()["retry_after"] == int(answers[2]["Retry-After"])
    assert answers[2].json()["detail"].startswith("Too many requests from your address")


def test_another_address_is_counted_apart(client, settings):
    settings.OPEN_DATA_API_RATE = "1/m"

    first = client.get(f"{API}/clusters/", REMOTE_ADDR="192.0.2.1")
    other = client.get(f"{API}/clusters/", REMOTE_ADDR="192.0.2.2")

    assert (first.status_code, other.status_code) == (200, 200)


def test_schema_is_openapi_3_1_with_the_dictionarys_descriptions(client):
    schema = client.get(f"{API}/openapi.json").json()

    properties = schema["components"]["schemas"]["Organisations"]["properties"]
    assert schema["openapi"].startswith("3.1")
    assert {name: field["description"] for name, field in properties.items()} == {
        column.name: str(column.description) for column in BY_KEY["organisations"].columns
    }


def test_docs_page_loads_swagger_from_the_hub_itself(client):
    html = client.get(f"{API}/docs").content.decode()

    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.casefold()


@pytest.mark.parametrize("count", [1, 3])
def test_a_list_costs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    for number in range(count):
        OrganisationFactory(name=f"Org {number}", city=PlaceFactory(), keywords=["a", "b"])

    # the rows, then areas, technologies, focus, keywords and networks (a facet filter reads no
    # choices: an unknown value matches nothing)
    with django_assert_num_queries(6):
        assert len(ids(client.get(f"{API}/organisations/"))) == count


@pytest.mark.parametrize("count", [1, 3])
def test_a_filtered_list_costs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    for number in range(count):
        OrganisationFactory(name=f"Org {number}", country="DE")

    # the rows and their five prefetches
    with django_assert_num_queries(6):
        assert len(ids(client.get(f"{API}/organisations/", {"country": "DE"}))) == count
