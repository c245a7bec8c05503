"""Registering a project at /projects/new/: linked organisations, themes and dates."""

import re

import pytest
from django.urls import reverse

from listings.choices import Role
from projects.models import Project
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory
from tests.support.forms import image_upload, project_data

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("projects:project-create")


def submit(client, user, **overrides):
    client.force_login(user)
    return client.post(CREATE_URL, project_data(**overrides))


def test_create_page_sends_anonymous_visitors_to_log_in(client):
    response = client.get(CREATE_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_create_by_unverified_user_is_refused(client):
    client.force_login(UserFactory(verified=False))

    response = client.post(CREATE_URL, project_data())

    assert response.status_code == 403
    assert "Please verify your e-mail address first" in response.text
    assert Project.objects.count() == 0


def test_create_offers_the_users_own_organisations_as_checkboxes(client, owner):
    mine = OrganisationFactory(name="My Kitchen", owner=owner, pending=True)
    OrganisationFactory(name="Someone Else's")
    client.force_login(owner)

    response = client.get(CREATE_URL)

    field = response.context["form"].fields["organisations"]
    assert list(field.queryset) == [mine]
    assert 'type="checkbox" name="organisations"' in response.text
    assert "Someone Else" not in response.text


def test_create_without_own_organisations_offers_only_the_partner_chooser(client, owner):
    client.force_login(owner)

    response = client.get(CREATE_URL)

    assert "organisations" not in response.context["form"].fields
    assert 'name="partners_add"' in response.text


def test_create_saves_a_draft_owned_by_the_submitter_with_its_organisations(client, owner):
    mine = OrganisationFactory(name="My Kitchen", owner=owner, pending=True)
    partner = OrganisationFactory(name="Seed Library")

    response = submit(
        client,
        owner,
        organisations=[str(mine.pk)],
        partners_add="seed library\n",
        logo=image_upload("repair.png"),
    )

    project = Project.objects.get()
    assert response.url == "/projects/repair-map/"
    assert (project.live, project.awaiting_review) == (False, True)
    assert [(m.user, m.role) for m in project.memberships.all()] == [(owner, Role.OWNER)]
    assert sorted(o.name for o in project.organisations.all()) == ["My Kitchen", "Seed Library"]
    assert partner in project.organisations.all()
    assert project.social_impact == "<p>Fewer things thrown away.</p>"
    assert re.fullmatch(r"pending/listings/logos/[0-9a-f]{32}\.png", project.logo.name)


def test_create_refuses_unknown_or_unpublished_organisation_names(client, owner):
    OrganisationFactory(name="Hidden Draft", pending=True)

    response = submit(client, owner, partners_add="Hidden Draft\nNobody Knows Us")

    assert response.context["form"].errors["partners"] == [
        "We could not find “Hidden Draft” among the organisations on the hub.",
        "We could not find “Nobody Knows Us” among the organisations on the hub.",
        "Check the spelling, or leave it out until it is published.",
    ]
    assert "Hidden Draft\nNobody Knows Us</textarea>" in response.text
    assert Project.objects.count() == 0


def test_create_matches_partner_names_ignoring_case_and_accents(client, owner):
    cafe = OrganisationFactory(name="Café Numérique Lyon")

    submit(client, owner, partners_add="cafe  NUMERIQUE lyon")

    assert list(Project.objects.get().organisations.all()) == [cafe]


def test_create_offers_did_you_mean_for_a_near_miss_and_keeps_the_input(client, owner):
    fab_lab = OrganisationFactory(name="Fab Lab Barcelona")

    response = submit(client, owner, partners_add="Fablab Barcelna", name="My Repair Map")

    errors = response.context["form"].errors["partners"]
    assert errors[-1] == "Did you mean “Fab Lab Barcelona”? Tick it below."
    assert f'name="partners" value="{fab_lab.pk}"' in response.text
    assert "Fablab Barcelna</textarea>" in response.text
    assert 'value="My Repair Map"' in response.text
    assert Project.objects.count() == 0


def test_create_links_a_partner_ticked_from_the_suggestions(client, owner):
    fab_lab = OrganisationFactory(name="Fab Lab Barcelona")

    response = submit(client, owner, partners=[str(fab_lab.pk)], partners_add="")

    assert response.status_code == 302
    assert list(Project.objects.get().organisations.all()) == [fab_lab]


def test_create_ignores_a_chosen_id_of_an_unpublished_organisation(client, owner):
    hidden = OrganisationFactory(name="Hidden Draft", pending=True)

    submit(client, owner, partners=[str(hidden.pk)])

    assert list(Project.objects.get().organisations.all()) == []


def test_organisation_search_lists_published_matches_with_their_place(client):
    OrganisationFactory(name="Fab Lab Barcelona")
    OrganisationFactory(name="Fab Lab Draft", pending=True)

    response = client.get(reverse("organisations:organisation-search"), {"q": "fab la"})

    assert [row["name"] for row in response.json()] == ["Fab Lab Barcelona"]
    assert set(response.json()[0]) == {"id", "name", "place"}


def test_create_refuses_another_persons_organisation_as_a_checkbox(client, owner):
    OrganisationFactory(owner=owner)
    not_mine = OrganisationFactory(pending=True)

    response = submit(client, owner, organisations=[str(not_mine.pk)])

    assert "organisations" in response.context["form"].errors
    assert Project.objects.count() == 0


def test_create_requires_an_area_and_a_technology(client, owner):
    response = submit(client, owner, areas=[], technologies=[])

    errors = response.context["form"].errors
    assert errors["areas"] == ["Choose at least one area of impact."]
    assert errors["technologies"] == ["Choose at least one technology."]
    assert 'id="id_areas_error"' in response.text
    assert 'value="Repair Map"' in response.text
    assert Project.objects.count() == 0


def test_create_refuses_an_end_before_the_start(client, owner):
    response = submit(
        client, owner, status="closed", start_date="2024-03-01", end_date="2023-12-31"
    )

    assert response.context["form"].errors["end_date"] == [
        "The end date must be after the start date."
    ]
    assert 'value="2023-12-31"' in response.text
    assert Project.objects.count() == 0


def test_create_refuses_a_short_description_over_140_characters(client, owner):
    response = submit(client, owner, short_description="y" * 141)

    assert response.context["form"].errors["short_description"] == [
        "Keep the short description to 140 characters or fewer (it has 141)."
    ]


def test_create_neutralises_script_in_the_social_impact(client, owner):
    response = submit(client, owner, social_impact="<script>alert(1)</script><em>Less waste</em>")

    page = client.get(response.url).text
    assert "<script>alert(1)" not in page
    assert "<em>Less waste</em>" in page


def test_create_by_trusted_person_publishes_at_once(client, moderator):
    submit(client, moderator)

    assert Project.objects.published().get().name == "Repair Map"
