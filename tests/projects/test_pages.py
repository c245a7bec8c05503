"""The project directory, project pages and project editing."""

import json
import re

import pytest
from django.urls import reverse

from listings.choices import Role
from projects.models import Project
from taxonomy.models import AreaOfImpact, Technology
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.support.forms import project_data
from tests.support.moderation import decide

pytestmark = pytest.mark.django_db

LIST_URL = reverse("projects:project-list")


def names(response):
    return [listing.name for listing in response.context["listings"]]


def test_list_shows_only_published_projects_and_filters_them(client):
    health = AreaOfImpact.objects.get(slug="health-and-care")
    ai = Technology.objects.get(slug="ai-and-machine-learning")
    ProjectFactory(name="Care Bot", areas=[health], technologies=[ai], country="NL")
    culture = AreaOfImpact.objects.get(slug="culture-and-arts")
    ProjectFactory(name="Closed Map", status="closed", country="BE", areas=[culture])
    ProjectFactory(name="Waiting", pending=True)

    assert names(client.get(LIST_URL)) == ["Closed Map", "Care Bot"]
    assert names(client.get(LIST_URL, {"area": "health-and-care"})) == ["Care Bot"]
    assert names(client.get(LIST_URL, {"technology": "ai-and-machine-learning"})) == ["Care Bot"]
    assert names(client.get(LIST_URL, {"country": "BE"})) == ["Closed Map"]
    assert names(client.get(LIST_URL, {"status": "closed"})) == ["Closed Map"]
    assert reverse("projects:project-list") == LIST_URL


@pytest.mark.parametrize("count", [1, 20])
def test_list_query_count_does_not_grow_with_projects(client, django_assert_num_queries, count):
    for _ in range(count):
        ProjectFactory(areas=list(AreaOfImpact.objects.all()[:3]))

    with django_assert_num_queries(13):  # 3 as before, 10 facets
        response = client.get(LIST_URL)

    assert len(response.context["listings"]) == count


def test_detail_shows_the_project_and_its_published_organisations(client, owner):
    shown = OrganisationFactory(name="Open Kitchen")
    hidden = OrganisationFactory(name="Draft Org", pending=True)
    project = ProjectFactory(
        name="Shared Meals",
        description="<p>Cooking for many.</p>",
        social_impact="<p>Nobody eats alone.</p>",
        organisations=[shown, hidden],
        owner=owner,
    )

    html = client.get(project.get_absolute_url()).text

    assert '<h1 class="listing__title">Shared Meals</h1>' in html
    assert "<p>Nobody eats alone.</p>" in html
    assert '<a href="/organisations/open-kitchen/">Open Kitchen</a>' in html
    assert "Draft Org" not in html
    area = project.areas.get()
    assert f'<a class="tag" href="/projects/?area={area.slug}">{area.name}</a>' in html
    [data] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(data)["@type"] == "Project"
    assert json.loads(data)["parentOrganization"][0]["name"] == "Open Kitchen"


def test_organisation_page_lists_the_project(client):
    organisation = OrganisationFactory(name="Open Kitchen")
    ProjectFactory(name="Shared Meals", organisations=[organisation])

    html = client.get(organisation.get_absolute_url()).text

    assert '<a href="/projects/shared-meals/">Shared Meals</a>' in html


def test_detail_of_pending_project_only_for_members_and_moderators(client, owner, moderator):
    project = ProjectFactory(pending=True, owner=owner)

    assert client.get(project.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(project.get_absolute_url()).status_code == 404
    for viewer in (owner, moderator):
        client.force_login(viewer)
        assert "Awaiting review" in client.get(project.get_absolute_url()).text


@pytest.mark.parametrize("count", [1, 20])
def test_detail_query_count_does_not_grow_with_related_rows(
    client, django_assert_num_queries, count
):
    project = ProjectFactory(
        keywords=[f"keyword {n}" for n in range(count)],
        links=count,
        members=[UserFactory() for _ in range(count)],
        organisations=[OrganisationFactory() for _ in range(count)],
    )

    # 8, the case studies featuring it (stories) and its part of the network (explore)
    with django_assert_num_queries(11):
        response = client.get(project.get_absolute_url())
    with django_assert_num_queries(0):  # for visitors, kept until the content changes
        again = client.get(f"{project.get_absolute_url()}?again=1")

    assert len(response.context["listing"].organisations.all()) == count
    assert len(again.context["listing"].organisations.all()) == count


@pytest.mark.parametrize(
    ("role", "status"), [(Role.OWNER, 200), (Role.ADMIN, 200), (Role.MEMBER, 403)]
)
def test_edit_page_is_for_owners_and_admins(client, role, status):
    project = ProjectFactory()
    person = UserFactory()
    project.memberships.create(user=person, role=role)
    client.force_login(person)

    assert client.get(project.get_edit_url()).status_code == status


def test_edit_by_stranger_is_refused_and_anonymous_asked_to_log_in(client, stranger):
    published, pending = ProjectFactory(), ProjectFactory(pending=True)

    assert client.get(published.get_edit_url()).status_code == 302
    client.force_login(stranger)
    assert client.post(published.get_edit_url(), project_data()).status_code == 403
    assert client.get(pending.get_edit_url()).status_code == 404


def test_edit_by_untrusted_owner_leaves_the_public_page_until_approved(client, owner, moderator):
    project = ProjectFactory(name="Repair Map", owner=owner, description="<p>Old words.</p>")
    client.force_login(owner)

    response = client.post(project.get_edit_url(), project_data(description="New words."))

    assert response.status_code == 302
    client.logout()
    assert "Old words." in client.get(project.get_absolute_url()).text
    project.refresh_from_db()
    decide(project, moderator, "approve")
    assert "New words." in client.get(project.get_absolute_url()).text


def test_project_admin_opens_for_moderators(client, moderator):
    project = ProjectFactory(name="Repair Map", pending=True)
    client.force_login(moderator)

    listing = client.get("/admin/snippets/projects/project/")
    edit = client.get(reverse(Project.snippet_viewset.get_url_name("edit"), args=[project.pk]))

    assert "Repair Map" in listing.text
    assert edit.status_code == 200
    assert 'value="Repair Map"' in edit.text
