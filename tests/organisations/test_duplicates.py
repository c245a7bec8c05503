"""The duplicate check run when someone registers an organisation: the matching
(organisations.duplicates) and the create form that asks before saving a likely duplicate."""

import pytest
from django.template.loader import render_to_string

from organisations.duplicates import (
    MatchReason,
    find_similar_organisations,
    name_similarity,
    normalise_name,
    website_host,
)
from organisations.models import Organisation
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory
from tests.factories.taxonomy import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Open Kitchen Collective", "open kitchen collective"),
        ("  OPEN   kitchen  ", "open kitchen"),
        ("Fondation Café-Lab", "fondation cafe lab"),
        ("Zürich Ünïversität", "zurich universitat"),
        ("Straße der Zukunft", "strasse der zukunft"),
        ("Open Kitchen Ltd.", "open kitchen"),
        ("Open Kitchen Limited", "open kitchen"),
        ("Offene Küche GmbH", "offene kuche"),
        ("Offene Küche e.V.", "offene kuche"),
        ("Offene Küche eV", "offene kuche"),
        ("Cuisine Ouverte S.A.", "cuisine ouverte"),
        ("Cucina Aperta S.r.l.", "cucina aperta"),
        ("Open Keuken B.V.", "open keuken"),
        ("vzw Open Keuken", "open keuken"),
        ("ASBL Cuisine Ouverte", "cuisine ouverte"),
        ("Open Kitchen, Inc.", "open kitchen"),
        ("Open Kitchen LLC", "open kitchen"),
        ("Open Kitchen Ltd GmbH", "open kitchen"),
        ("Open/Kitchen & Co", "open kitchen co"),
        ("Code.org", "codeorg"),
    ],
)
def test_normalise_name_folds_accents_case_punctuation_and_legal_forms(name, normalised):
    assert normalise_name(name) == normalised


def test_normalise_name_keeps_a_name_that_is_only_a_legal_form():
    assert normalise_name("S.A.") == "sa"


def test_normalise_name_keeps_legal_words_inside_the_name():
    assert normalise_name("The Ltd Company Club") == "the ltd company club"


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.example.org/about?x=1", "example.org"),
        ("http://Example.ORG", "example.org"),
        ("example.org/team", "example.org"),
        ("www.example.org", "example.org"),
        ("https://www.example.org:8443/", "example.org"),
        ("https://lab.example.org", "lab.example.org"),
        ("https://example.org.", "example.org"),
        ("", ""),
        (None, ""),
    ],
)
def test_website_host_drops_scheme_www_port_and_path(url, host):
    assert website_host(url) == host


def test_name_similarity_is_high_for_small_typos_and_low_for_other_names():
    assert name_similarity("Open Kitchen Collective", "Open Kitchen Colective") >= 0.85
    assert name_similarity("Open Kitchen Collective", "Open Garden Collective") < 0.85


def test_find_similar_organisations_matches_accents_case_and_legal_forms():
    existing = OrganisationFactory(name="Offene Küche e.V.")

    matches = find_similar_organisations("offene kuche GmbH")

    assert [(m.organisation, m.reason) for m in matches] == [(existing, MatchReason.SIMILAR_NAME)]
    assert matches[0].score == 1.0


def test_find_similar_organisations_matches_a_typo_and_a_prefix_legal_form():
    existing = OrganisationFactory(name="Open Keuken Collectief")

    matches = find_similar_organisations("vzw Open Keukens Collectief")

    assert [m.organisation for m in matches] == [existing]


def test_find_similar_organisations_finds_an_accented_name_typed_without_accents():
    existing = OrganisationFactory(name="Fondation Café-Lab Montréal")

    matches = find_similar_organisations("Fondation Cafe Lab Montreal")

    assert [m.organisation for m in matches] == [existing]


def test_find_similar_organisations_ignores_different_names():
    OrganisationFactory(name="Open Garden Collective")
    OrganisationFactory(name="Kitchen Table Talks")

    assert find_similar_organisations("Open Kitchen Collective") == []


def test_find_similar_organisations_matches_the_same_website_host_first():
    same_site = OrganisationFactory(name="OKC Network", website="http://okc.example.org/")
    similar = OrganisationFactory(name="Open Kitchen Collectiv")

    matches = find_similar_organisations(
        "Open Kitchen Collective", "https://www.okc.example.org/join"
    )

    assert [(m.organisation, m.reason) for m in matches] == [
        (same_site, MatchReason.SAME_WEBSITE),
        (similar, MatchReason.SIMILAR_NAME),
    ]


def test_find_similar_organisations_does_not_confuse_subdomains_or_lookalike_hosts():
    OrganisationFactory(name="Alpha", website="https://example.org")
    OrganisationFactory(name="Beta", website="https://example.org.evil.test")

    assert find_similar_organisations("Gamma", "https://lab.example.org") == []


def test_find_similar_organisations_only_offers_published_organisations():
    OrganisationFactory(name="Open Kitchen Collective", pending=True)

    assert find_similar_organisations("Open Kitchen Collective") == []


def test_find_similar_organisations_returns_at_most_limit_best_first():
    names = ["Open Kitchen Collective", "Open Kitchen Collectiv", "Open Kitchn Colectiv"]
    for name in names:
        OrganisationFactory(name=name)

    matches = find_similar_organisations("Open Kitchen Collective", limit=2)

    assert [m.organisation.name for m in matches] == names[:2]


def test_find_similar_organisations_runs_one_query(django_assert_num_queries):
    for n in range(20):
        OrganisationFactory(name=f"Open Kitchen Collective {n}", city=PlaceFactory())

    with django_assert_num_queries(1):
        matches = find_similar_organisations("Open Kitchen Collective 1")
        places = [m.organisation.place_label for m in matches]

    assert len(matches) == 5
    assert all(places)


def test_find_similar_organisations_with_nothing_to_search_runs_no_query(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        assert find_similar_organisations("!!", "") == []


def test_duplicate_candidates_component_lists_name_place_and_a_way_to_join():
    place = PlaceFactory(name="Ghent")
    existing = OrganisationFactory(name="Open Keuken", city=place)
    candidates = find_similar_organisations("Open Keuken vzw")

    html = render_to_string("components/duplicate_candidates.html", {"candidates": candidates})

    assert "Is it one of these?" in html
    assert f'<a href="{existing.get_absolute_url()}">Open Keuken</a>' in html
    assert "Ghent" in html
    assert "similar name" in html
    assert "Ask to join Open Keuken" in html


def test_duplicate_candidates_component_is_empty_without_candidates():
    assert (
        render_to_string("components/duplicate_candidates.html", {"candidates": []}).strip() == ""
    )


# The create form asks first ---------------------------------------------------------------


def form_data(**overrides):
    return {
        "name": "Waag Futurelab",
        "short_description": "A lab for technology and society.",
        "website": "https://waag.org/en",
        "country": "NL",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
        **overrides,
    }


@pytest.fixture
def existing():
    return OrganisationFactory(name="Waag", website="https://waag.org", live=True)


def test_similar_existing_organisation_is_offered_before_creating(client, existing):
    client.force_login(UserFactory())

    response = client.post("/organisations/new/", form_data())

    assert response.status_code == 200
    assert "Is it one of these?" in response.text
    assert f'href="{existing.get_absolute_url()}"' in response.text
    assert 'value="Waag Futurelab"' in response.text
    assert Organisation.objects.count() == 1


def test_confirming_it_is_a_different_organisation_creates_it(client, existing):
    client.force_login(UserFactory())

    response = client.post("/organisations/new/", form_data(not_a_duplicate="on"))

    assert response.status_code == 302
    assert Organisation.objects.filter(name="Waag Futurelab").exists()


def test_unrelated_name_is_created_without_asking(client, existing):
    client.force_login(UserFactory())

    response = client.post(
        "/organisations/new/",
        form_data(name="Civic Tech Lisbon", website="https://civictech.example.pt"),
    )

    assert response.status_code == 302
    assert Organisation.objects.filter(name="Civic Tech Lisbon").exists()
