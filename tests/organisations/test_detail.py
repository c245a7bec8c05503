"""An organisation's page at /organisations/<slug>/: what it shows, and to whom."""

import json
import re
from datetime import date

import pytest
from django.utils import timezone

from listings.choices import Role
from taxonomy.models import AreaOfImpact, DSIFocus, OrganisationType, Place, Technology
from tests.factories.accounts import UserFactory
from tests.factories.funding import FundingCallFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(owner):
    organisation = OrganisationFactory(
        name="Open Kitchen Collective",
        slug="open-kitchen",
        short_description="Neighbours cooking together.",
        description="<p>We cook on <strong>Tuesdays</strong>.</p>",
        website="https://openkitchen.example.org",
        country="ES",
        city=Place.objects.get(country="ES", name="Barcelona"),
        address="Carrer de Mallorca 1",
        founded=date(2015, 5, 1),
        organisation_type=OrganisationType.objects.order_by("pk").first(),
        owner=owner,
        keywords=["food", "community kitchens"],
        links=1,
        areas=[AreaOfImpact.objects.get(slug="health-and-care")],
        technologies=[Technology.objects.get(slug="open-data")],
    )
    organisation.focus.set([DSIFocus.objects.get(slug="open-hardware")])
    organisation.save()
    return organisation


def json_ld(html):
    [data] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(data)


def test_detail_shows_the_organisation(client, organisation, owner):
    html = client.get(organisation.get_absolute_url()).text

    assert '<h1 class="listing__title">Open Kitchen Collective</h1>' in html
    assert "<p>We cook on <strong>Tuesdays</strong>.</p>" in html
    assert "Carrer de Mallorca 1, Barcelona, Spain" in html
    assert "latitude 41.3888, longitude 2.1590" in html
    assert 'data-lat="41.388790" data-lng="2.158990"' in html
    assert "2015" in html
    assert 'href="https://openkitchen.example.org" rel="nofollow ugc noopener"' in html
    assert 'href="https://example.org/0"' in html
    assert '<li class="tag tag--neutral">community kitchens</li>' in html
    assert f'<a href="/people/{owner.pk}/">Olga Owner</a>' in html
    assert "Last updated" in html


def test_detail_links_terms_to_the_filtered_directory(client, organisation):
    html = client.get(organisation.get_absolute_url()).text

    assert '<a class="tag" href="/organisations/?area=health-and-care">Health and care</a>' in html
    assert '<a class="tag" href="/organisations/?technology=open-data">Open data</a>' in html
    assert '<a class="tag" href="/organisations/?focus=open-hardware">Open hardware</a>' in html


def test_detail_lists_published_projects_and_partner_organisations(client, organisation):
    partner = OrganisationFactory(name="Seed Library")
    ProjectFactory(name="Shared Meals", organisations=[organisation, partner])
    hidden_partner = OrganisationFactory(name="Secret Partner")
    ProjectFactory(name="Draft Project", pending=True, organisations=[organisation, hidden_partner])

    response = client.get(organisation.get_absolute_url())

    assert '<a href="/projects/shared-meals/">Shared Meals</a>' in response.text
    assert "Draft Project" not in response.text
    assert [o.name for o in response.context["partners"]] == ["Seed Library"]
    assert "Secret Partner" not in response.text


def test_detail_describes_the_organisation_for_search_engines_and_sharing(client, organisation):
    html = client.get(organisation.get_absolute_url()).text

    data = json_ld(html)
    assert data["@type"] == "Organization"
    assert data["name"] == "Open Kitchen Collective"
    assert data["url"] == "http://testserver/organisations/open-kitchen/"
    assert data["foundingDate"] == "2015-05-01"
    assert data["address"]["addressLocality"] == "Barcelona"
    assert data["sameAs"] == ["https://openkitchen.example.org", "https://example.org/0"]
    assert '<meta property="og:title" content="Open Kitchen Collective">' in html
    assert '<meta property="og:description" content="Neighbours cooking together.">' in html


def test_detail_json_ld_cannot_close_its_script_element(client):
    organisation = OrganisationFactory(short_description="</script><script>alert(1)</script>")

    html = client.get(organisation.get_absolute_url()).text

    assert "<script>alert(1)" not in html
    assert json_ld(html)["description"] == "</script><script>alert(1)</script>"


def test_detail_shows_last_confirmed_when_set(client):
    organisation = OrganisationFactory(last_confirmed_at=timezone.now())

    assert "Last confirmed" in client.get(organisation.get_absolute_url()).text


def test_detail_of_pending_organisation_is_not_found_for_visitors(client, stranger):
    pending = OrganisationFactory(pending=True)

    assert client.get(pending.get_absolute_url()).status_code == 404
    client.force_login(stranger)
    assert client.get(pending.get_absolute_url()).status_code == 404


def test_detail_of_pending_organisation_is_shown_to_members_with_a_banner(client, owner):
    pending = OrganisationFactory(pending=True, name="Quiet Kitchen")
    member = UserFactory()
    pending.memberships.create(user=member, role=Role.MEMBER)
    client.force_login(member)

    response = client.get(pending.get_absolute_url())

    assert response.status_code == 200
    assert "Awaiting review" in response.text
    assert '<meta name="robots" content="noindex">' in response.text


def test_detail_of_pending_organisation_is_shown_to_moderators(client, moderator):
    pending = OrganisationFactory(pending=True, name="Quiet Kitchen")
    client.force_login(moderator)

    response = client.get(pending.get_absolute_url())

    assert "Quiet Kitchen" in response.text
    assert "Awaiting review" in response.text


def test_detail_offers_edit_only_to_those_who_may_edit(client, organisation, owner, stranger):
    client.force_login(stranger)
    assert (
        "/organisations/open-kitchen/edit/" not in client.get("/organisations/open-kitchen/").text
    )

    client.force_login(owner)
    assert (
        'href="/organisations/open-kitchen/edit/"'
        in client.get("/organisations/open-kitchen/").text
    )


@pytest.mark.parametrize("count", [1, 20])
def test_detail_query_count_does_not_grow_with_related_rows(
    client, django_assert_num_queries, count
):
    organisation = OrganisationFactory(
        country="BE",
        city=Place.objects.filter(country="BE")[0],
        keywords=[f"keyword {n}" for n in range(count)],
        links=count,
        members=[UserFactory() for _ in range(count)],
        areas=list(AreaOfImpact.objects.all()[:count]),
    )
    for _ in range(count):
        ProjectFactory(organisations=[organisation, OrganisationFactory()])
        FundingCallFactory(funder_organisation=organisation)

    # 10, the open calls it funds (funding's section), the organiser's events (events section)
    # the case studies featuring it (stories: 2) and its part of the network (explore)
    with django_assert_num_queries(15):
        response = client.get(organisation.get_absolute_url())
    with django_assert_num_queries(0):  # for visitors, kept until the content changes
        again = client.get(f"{organisation.get_absolute_url()}?again=1")

    assert len(response.context["partners"]) == len(again.context["partners"]) == count


def test_detail_shows_an_edit_at_once_without_the_page_cache(client, settings):
    settings.PAGE_CACHE = False
    organisation = OrganisationFactory(name="Open Pantry", short_description="Before the edit")
    assert "Before the edit" in client.get(organisation.get_absolute_url()).text

    organisation.short_description = "After the edit"
    organisation.save()
    ProjectFactory(name="New partner project", organisations=[organisation])
    response = client.get(organisation.get_absolute_url())

    assert "After the edit" in response.text
    assert "New partner project" in response.text


def test_detail_for_a_member_is_not_the_visitors_page(client, settings, owner, organisation):
    settings.PAGE_CACHE = False
    client.get(organisation.get_absolute_url())  # a visitor's page, kept
    client.force_login(owner)

    response = client.get(organisation.get_absolute_url())

    assert response.context["can_edit"] is True
    assert response.context["review"] is not None


@pytest.mark.parametrize("count", [1, 20])
def test_detail_query_count_for_a_member_does_not_grow_either(
    client, django_assert_num_queries, owner, count
):
    areas = list(AreaOfImpact.objects.all()[:count])
    organisation = OrganisationFactory(
        owner=owner,
        keywords=[f"keyword {n}" for n in range(count)],
        links=count,
        members=[UserFactory() for _ in range(count)],
        areas=areas,
    )
    for _ in range(count):
        ProjectFactory(organisations=[organisation, OrganisationFactory()])
        FundingCallFactory(funder_organisation=organisation, areas=areas)
    client.force_login(owner)

    # 16, funding's two sections (the calls it funds, the open calls that fit, for members),
    # the organiser's events, the case studies featuring it (stories: 2) and its part of the
    # network (explore)
    with django_assert_num_queries(22):
        response = client.get(organisation.get_absolute_url())

    assert response.context["can_edit"] is True
