"""/search/?q= (explore.search): every kind grouped with counts and "see all" links into each
list with the same words; published content only; a fixed number of queries."""

import pytest
from modelsearch import index

from tests.factories.events import EventFactory
from tests.factories.funding import FundingCallFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def indexed(obj):
    index.insert_or_update_object(type(obj).objects.get(pk=obj.pk))
    return obj


def test_search_groups_results_by_kind_with_counts_and_see_all_links(client):
    indexed(OrganisationFactory(name="Compost Collective"))
    indexed(OrganisationFactory(name="Compost Works"))
    indexed(ProjectFactory(name="Compost Map"))
    indexed(EventFactory(title="Compost day"))
    indexed(FundingCallFactory(title="Compost fund"))

    html = client.get("/search/", {"q": "compost"}).text

    assert "5 results for “compost”" in html
    assert 'href="#results-organisations">Organisations (2)</a>' in html
    assert 'href="#results-projects">Projects (1)</a>' in html
    assert 'href="#results-events">Upcoming events (1)</a>' in html
    assert 'href="#results-funding">Open funding calls (1)</a>' in html
    assert '<a href="/organisations/?q=compost">See all 2 organisations</a>' in html
    assert '<a href="/projects/?q=compost">See the 1 project</a>' in html


def test_search_never_shows_pending_content(client):
    indexed(OrganisationFactory(name="Secret Compost", pending=True))
    indexed(ProjectFactory(name="Hidden Compost", pending=True))
    indexed(EventFactory(title="Compost draft", live=False))

    html = client.get("/search/", {"q": "compost"}).text

    assert "0 results for “compost”" in html
    assert "Secret Compost" not in html and "Hidden Compost" not in html
    assert "Compost draft" not in html


def test_the_header_has_the_search_box_on_every_page(client):
    html = client.get("/organisations/").text

    assert '<form class="site-search" role="search" method="get" action="/search/">' in html


@pytest.mark.parametrize("count", [1, 4])
def test_search_costs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    for number in range(count):
        indexed(OrganisationFactory(name=f"Open lab {number}"))
        indexed(ProjectFactory(name=f"Open map {number}"))

    with django_assert_num_queries(13):  # per kind: the search, and with matches a count and rows
        response = client.get("/search/", {"q": "open"})

    assert f"Organisations ({count})" in response.text
