"""Full-text `q` on the directory through Wagtail search (core.search): name, descriptions,
keywords and place; name matches first; published listings only; the index follows edits."""

import pytest

from taxonomy.models import Place
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.support.facets import facet_counts

pytestmark = pytest.mark.django_db


def names(response):
    return [listing.name for listing in response.context["listings"]]


def reindexed(listing):
    """What Wagtail's index holds once the saving transaction has committed."""
    from modelsearch import index

    index.insert_or_update_object(type(listing).objects.get(pk=listing.pk))
    return listing


def test_search_matches_descriptions_keywords_and_place(client):
    lisbon = Place.objects.filter(country="PT", name="Lisbon").first()
    reindexed(OrganisationFactory(name="Alpha", short_description="Community repair cafés."))
    reindexed(OrganisationFactory(name="Beta", keywords=["beekeeping"]))
    reindexed(OrganisationFactory(name="Gamma", country="PT", city=lisbon))

    assert names(client.get("/organisations/", {"q": "repair"})) == ["Alpha"]
    assert names(client.get("/organisations/", {"q": "beekeeping"})) == ["Beta"]
    assert names(client.get("/organisations/", {"q": "Lisbon"})) == ["Gamma"]


def test_search_stems_words_and_lists_name_matches_first(client):
    reindexed(ProjectFactory(name="Neighbourhood maps", short_description="Open data for all."))
    reindexed(ProjectFactory(name="Open data commons", short_description="Shared datasets."))

    response = client.get("/projects/", {"q": "open data"})

    assert names(response) == ["Open data commons", "Neighbourhood maps"]


def test_search_never_finds_pending_listings(client):
    reindexed(OrganisationFactory(name="Hidden Lab", pending=True))
    reindexed(OrganisationFactory(name="Visible Lab"))

    response = client.get("/organisations/", {"q": "lab"})

    assert names(response) == ["Visible Lab"]
    assert facet_counts(response.text, "members") == {"Has members": 0}


def test_facets_are_counted_among_the_search_results(client):
    reindexed(OrganisationFactory(name="Repair Lab", country="BE"))
    reindexed(OrganisationFactory(name="Garden", country="FR"))

    html = client.get("/organisations/", {"q": "repair"}).text

    assert facet_counts(html, "country") == {"Belgium": 1, "France": 0}


def test_the_index_follows_a_published_edit(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        listing = OrganisationFactory(name="Old name")
    listing.name = "Fresh name"
    with django_capture_on_commit_callbacks(execute=True):
        listing.save()

    assert names(client.get("/organisations/", {"q": "fresh"})) == ["Fresh name"]
    assert names(client.get("/organisations/", {"q": "old"})) == []


@pytest.mark.parametrize("count", [1, 4])
def test_search_with_facets_costs_a_fixed_number_of_queries(
    client, django_assert_num_queries, count
):
    for number in range(count):
        reindexed(ProjectFactory(name=f"Open data {number}", country="BE"))

    with django_assert_num_queries(14):  # the search once, then as without it
        response = client.get("/projects/", {"q": "open data", "country": "BE"})

    assert len(response.context["listings"]) == count


def test_keywords_saved_with_a_listing_are_searchable_once_committed(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationFactory(name="Hive", keywords=["beekeeping"])

    assert names(client.get("/organisations/", {"q": "beekeeping"})) == ["Hive"]
