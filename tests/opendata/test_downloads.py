import csv
import io
import json

import pytest

from opendata.dictionary import BY_KEY, downloadable
from opendata.exports import csv_cell
from tests.factories.listings import OrganisationFactory
from tests.factories.taxonomy import PlaceFactory

pytestmark = pytest.mark.django_db

DOWNLOADS = [(d.key, format) for d in downloadable() for format in d.formats]


def body(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(body(response))))


def download(client, key, format, **query):
    return client.get(f"/open-data/{key}.{format}", query)


def test_csv_of_organisations_has_the_dictionary_columns_and_the_published_rows(client, published):
    response = download(client, "organisations", "csv")

    rows = csv_rows(response)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="dsihub-organisations-')
    assert list(rows[0]) == [column.name for column in BY_KEY["organisations"].columns]
    assert [(row["name"], row["keywords"], row["areas"]) for row in rows] == [
        ("Helsinki Civic Lab", "open data", "civic-participation")
    ]


def test_json_of_projects_links_the_published_organisations(client, published):
    data = json.loads(body(download(client, "projects", "json")))

    assert data["licence"] == "CC BY 4.0"
    assert [(item["name"], item["organisations"]) for item in data["items"]] == [
        ("Street Repair", [published.organisation.pk])
    ]


def test_geojson_of_events_places_each_event_at_its_city(client, published):
    data = json.loads(body(download(client, "events", "geojson")))

    city = published.event.city
    assert data["type"] == "FeatureCollection"
    assert [(f["properties"]["title"], f["geometry"]["coordinates"]) for f in data["features"]] == [
        ("Open Data Day", [float(city.longitude), float(city.latitude)])
    ]


def test_geojson_leaves_out_rows_without_a_city(client, published):
    OrganisationFactory(name="Nowhere Collective", city=None)

    data = json.loads(body(download(client, "organisations", "geojson")))

    assert [f["properties"]["name"] for f in data["features"]] == ["Helsinki Civic Lab"]


def test_funding_calls_have_no_geojson(client, published):
    assert download(client, "funding-calls", "geojson").status_code == 404


PUBLISHED_NAMES = {
    "organisations": "Helsinki Civic Lab",
    "projects": "Street Repair",
    "events": "Open Data Day",
    "funding-calls": "Civic Fund",
}


@pytest.mark.parametrize(("key", "format"), DOWNLOADS)
def test_no_download_holds_pending_rejected_or_withdrawn_content(
    client, published, hidden, key, format
):
    text = body(download(client, key, format))

    assert text.count(PUBLISHED_NAMES[key]) == 1
    assert text.count("Hidden") == 0


@pytest.mark.parametrize(("key", "format"), DOWNLOADS)
def test_no_selection_download_holds_pending_rejected_or_withdrawn_content(
    client, published, hidden, key, format
):
    # "Download what you see" with a search that matches the hidden rows' names as well
    text = body(client.get(f"/open-data/{key}/selection.{format}", {"q": "Hidden"}))
    everything = body(client.get(f"/open-data/{key}/selection.{format}"))

    assert "Hidden" not in text
    assert everything.count(PUBLISHED_NAMES[key]) == 1
    assert "Hidden" not in everything


@pytest.mark.parametrize(("key", "format"), DOWNLOADS)
def test_no_download_holds_people(client, published, key, format):
    text = body(download(client, key, format)).casefold()

    assert "@" not in text
    for person in published.people:
        assert person.first_name.casefold() not in text
        assert person.last_name.casefold() not in text


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        ("Plain words", "Plain words"),
        (-3.5, -3.5),
        (["=a", "b"], "'=a; b"),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(value, cell):
    assert csv_cell(value) == cell


def test_a_formula_in_a_name_reaches_the_csv_as_text(client):
    OrganisationFactory(name="=cmd|' /C calc'!A0", slug="formula")

    rows = csv_rows(download(client, "organisations", "csv"))

    assert [row["name"] for row in rows] == ["'=cmd|' /C calc'!A0"]


def test_download_carries_validators_and_answers_304_while_nothing_changed(client, published):
    first = download(client, "organisations", "csv")

    again = client.get("/open-data/organisations.csv", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["Last-Modified"]
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]


def test_a_change_of_public_content_changes_the_etag(client, published):
    first = download(client, "organisations", "csv")
    OrganisationFactory(name="Newcomers")

    again = client.get("/open-data/organisations.csv", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert "Newcomers" in body(again)


# Download what you see ----------------------------------------------------------------------


def test_selection_download_has_the_rows_the_list_shows(client):
    OrganisationFactory(name="Berlin Makers", country="DE")
    OrganisationFactory(name="Lyon Makers", country="FR")

    rows = csv_rows(client.get("/open-data/organisations/selection.csv", {"country": "DE"}))

    assert [row["name"] for row in rows] == ["Berlin Makers"]


def test_selection_of_events_is_upcoming_unless_the_list_asks_for_the_past(client, published):
    from tests.factories.events import EventFactory, days_from_now

    EventFactory(title="Last year's meetup", start=days_from_now(-300))

    upcoming = csv_rows(client.get("/open-data/events/selection.csv"))
    past = csv_rows(client.get("/open-data/events/selection.csv", {"when": "past"}))
    everything = csv_rows(client.get("/open-data/events.csv"))

    assert [row["title"] for row in upcoming] == ["Open Data Day"]
    assert [row["title"] for row in past] == ["Last year's meetup"]
    assert sorted(row["title"] for row in everything) == ["Last year's meetup", "Open Data Day"]


def test_the_directory_offers_what_it_shows_in_each_format(client):
    OrganisationFactory(name="Berlin Makers", country="DE")

    html = client.get("/organisations/", {"country": "DE", "page": "1"}).content.decode()

    for format in ("csv", "json", "geojson"):
        assert f'href="/open-data/organisations/selection.{format}?country=DE"' in html


def test_lists_without_downloads_offer_none(client):
    html = client.get("/resources/").content.decode()

    assert "Download what you see" not in html


def test_unknown_dataset_or_format_is_404(client):
    assert client.get("/open-data/people.csv").status_code == 404
    assert client.get("/open-data/organisations.xlsx").status_code == 404
    assert client.get("/open-data/clusters.csv").status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_a_download_costs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    for number in range(count):
        OrganisationFactory(name=f"Org {number}", city=PlaceFactory(), keywords=["a", "b"])

    # rows, then per chunk: areas, technologies, focus, keywords, networks
    with django_assert_num_queries(6):
        body(download(client, "organisations", "csv"))


@pytest.mark.parametrize("count", [1, 3])
def test_a_selection_download_costs_a_fixed_number_of_queries(
    client, django_assert_num_queries, count
):
    for number in range(count):
        OrganisationFactory(name=f"Org {number}", country="DE")

    # the rows and their five prefetches
    with django_assert_num_queries(6):
        body(client.get("/open-data/organisations/selection.csv", {"country": "DE"}))
