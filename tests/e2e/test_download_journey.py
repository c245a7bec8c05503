"""A visitor filters the organisation directory, downloads "what you see" as CSV, and finds the
list's rows in the file; the read API with the same filters gives the same ids."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from taxonomy.models import AreaOfImpact
from tests.factories.listings import OrganisationFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def directory():
    health = AreaOfImpact.objects.get(slug="health-and-care")
    culture = AreaOfImpact.objects.get(slug="culture-and-arts")
    OrganisationFactory(name="Antwerp Care Lab", country="BE", areas=[health])
    OrganisationFactory(name="Ghent Health Commons", country="BE", areas=[health, culture])
    OrganisationFactory(name="Liège Arts Collective", country="BE", areas=[culture])
    OrganisationFactory(name="Lyon Care Lab", country="FR", areas=[health])
    OrganisationFactory(name="Brussels Hidden Care", country="BE", areas=[health], pending=True)


def test_the_csv_holds_the_rows_the_list_shows_and_the_api_agrees(directory, page, live_server):
    page.goto("/organisations/")
    page.locator("#facet-area").get_by_label(re.compile("^Health and care")).check()
    page.locator("#facet-country").get_by_label(re.compile("^Belgium")).check()
    expect(page.locator("#results-title")).to_have_text("2 organisations")
    listed = sorted(page.locator(".listing-card__title").all_inner_texts())

    with page.expect_download() as download:
        page.locator(".download-links").get_by_role("link", name="CSV").click()
    rows = list(csv.DictReader(io.StringIO(download_text(download.value))))

    assert listed == ["Antwerp Care Lab", "Ghent Health Commons"]
    assert sorted(row["name"] for row in rows) == listed
    assert download.value.suggested_filename.startswith("dsihub-organisations-selection-")

    query = page.url.split("?", 1)[1]
    api = page.request.get(f"{live_server.url}/api/v1/organisations/?{query}")
    assert api.ok
    assert sorted(row["id"] for row in api.json()["results"]) == sorted(
        int(row["id"]) for row in rows
    )


def download_text(download):
    with open(download.path(), encoding="utf-8-sig") as file:
        return file.read()
