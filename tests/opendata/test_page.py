import pytest

from opendata.dictionary import DATASETS

pytestmark = pytest.mark.django_db


def test_the_page_says_the_licence_and_how_to_cite(client, settings):
    settings.OPEN_DATA_LICENCE_NAME = "ODbL 1.0"
    settings.OPEN_DATA_LICENCE_URL = "https://opendatacommons.org/licenses/odbl/1-0/"

    html = client.get("/open-data/").content.decode()

    assert '<a href="https://opendatacommons.org/licenses/odbl/1-0/">ODbL 1.0</a>' in html
    assert "DSI Hub contributors. DSI Hub open data, as of" in html


def test_the_page_renders_the_data_dictionary_field_by_field(client):
    html = client.get("/open-data/").content.decode()

    for dataset in DATASETS:
        for column in dataset.columns:
            assert f"<code>{column.name}</code>" in html
    assert "One sentence, at most 140 characters." in html


def test_the_page_links_every_download(client):
    html = client.get("/open-data/").content.decode()

    for path in [
        "/open-data/organisations.csv",
        "/open-data/projects.geojson",
        "/open-data/events.json",
        "/open-data/funding-calls.csv",
    ]:
        assert f'href="{path}"' in html
    assert 'href="/open-data/funding-calls.geojson"' not in html


def test_the_main_menu_leads_to_the_page(client):
    html = client.get("/").content.decode()

    assert '<a href="/open-data/">Open data</a>' in html


def test_the_placeholder_is_gone(client):
    assert client.get("/explore/open-data/").status_code == 404
