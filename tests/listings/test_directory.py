"""The directory's miss path: what a page that is not cached whole still keeps (listings.views)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.listings import OrganisationFactory
from tests.support.facets import checked, facet_counts

pytestmark = pytest.mark.django_db


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [q["sql"] for q in queries.captured_queries]


def test_the_total_is_counted_once_per_filter_not_on_every_page(client, owner):
    OrganisationFactory.create_batch(25, country="DE")
    client.force_login(owner)  # logged in: the whole page is never cached

    _, first = queries_of(client, "/organisations/?country=DE")
    second_page, second = queries_of(client, "/organisations/?country=DE&page=2")

    assert sum("COUNT(*)" in sql for sql in first) == 1
    assert sum("COUNT(" in sql for sql in second) == 0  # the facets are kept too
    assert "25 organisations" in second_page.text


def test_a_new_country_appears_in_the_filter_once_its_first_listing_is_published(client):
    OrganisationFactory(country="DE")
    assert "Portugal" not in facet_counts(client.get("/organisations/").text, "country")

    OrganisationFactory(country="PT")

    assert facet_counts(client.get("/organisations/").text, "country")["Portugal"] == 1


def test_the_filter_form_keeps_the_chosen_values(client):
    OrganisationFactory(country="PT")

    html = client.get("/organisations/?country=PT&q=lab").text

    assert checked(html, "country") == ["PT"]
    assert 'value="lab"' in html


@pytest.mark.parametrize("page", [101, 5000])
def test_pages_past_the_depth_cap_ask_to_narrow_the_filters(client, page, owner):
    OrganisationFactory()
    client.force_login(owner)

    response, queries = queries_of(client, f"/organisations/?country=DE&page={page}")

    assert response.status_code == 200
    assert "The list goes 100 pages deep." in response.text
    assert '<a href="?country=DE">Back to the first page</a>' in response.text
    assert not any("OFFSET" in sql for sql in queries)


def test_a_new_listing_shows_at_once_on_every_kept_page_without_the_page_cache(client, settings):
    settings.PAGE_CACHE = False
    OrganisationFactory(name="Already listed", country="DE")
    client.get("/organisations/")
    client.get("/organisations/?country=DE")

    OrganisationFactory(name="Just listed", country="DE")
    plain = client.get("/organisations/")
    filtered = client.get("/organisations/?country=DE")

    for response in (plain, filtered):
        assert [o.name for o in response.context["listings"]] == ["Just listed", "Already listed"]
        assert "Just listed" in response.text
