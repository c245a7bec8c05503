"""The members page: who is listed, what each viewer may do, and what it costs."""

import pytest

from listings.choices import Role
from tests.factories.listings import (
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
    ProjectMembershipFactory,
)
from tests.support.people import login

pytestmark = pytest.mark.django_db

MEMBERS = "/organisations/open-commons/members/"


def add_people(organisation, count):
    for number in range(count):
        MembershipFactory(organisation=organisation, role=Role.ADMIN if number % 2 else Role.MEMBER)
        InvitationFactory(organisation=organisation)
        JoinRequestFactory(organisation=organisation)


@pytest.mark.parametrize("count", [1, 20])
def test_members_page_for_the_owner_runs_a_fixed_number_of_queries(
    client, organisation, owner, count, django_assert_num_queries
):
    add_people(organisation, count)
    login(client, owner)

    with django_assert_num_queries(8):
        response = client.get(MEMBERS)

    assert response.text.count("Make admin") + response.text.count("Remove admin rights") == count
    assert response.text.count("Cancel invitation") == count


@pytest.mark.parametrize("count", [1, 20])
def test_members_page_for_the_public_runs_a_fixed_number_of_queries(
    client, organisation, count, django_assert_num_queries
):
    add_people(organisation, count)

    with django_assert_num_queries(2):
        response = client.get(MEMBERS)

    assert f"{count + 1} members" in response.text


@pytest.mark.parametrize("count", [1, 20])
def test_project_members_page_runs_a_fixed_number_of_queries(
    client, project, owner, count, django_assert_num_queries
):
    for _ in range(count):
        ProjectMembershipFactory(project=project)
    login(client, owner)

    with django_assert_num_queries(8):
        response = client.get("/projects/repair-map/members/")

    assert f"{count + 1} members" in response.text


def test_members_page_lists_roles_owner_first(client, organisation, owner, admin, member):
    response = client.get(MEMBERS)

    text = response.text
    assert text.index("Olga Owner") < text.index("Ada Admin") < text.index("Mo Member")
    assert "3 members" in text
    assert "Invite someone" not in text
    assert "Log in to ask to join" in text


def test_members_page_shows_invited_addresses_only_to_managers(client, organisation, owner, member):
    InvitationFactory(organisation=organisation, email="secret@example.org")

    as_member = login(client, member).get(MEMBERS)
    as_owner = login(client, owner).get(MEMBERS)

    assert "secret@example.org" not in as_member.text
    assert "secret@example.org" in as_owner.text


def test_owner_row_offers_no_role_change_or_removal(client, organisation, owner, admin):
    response = login(client, admin).get(MEMBERS)

    assert 'Remove admin rights<span class="visually-hidden">: Olga Owner' not in response.text
    assert 'Remove<span class="visually-hidden">: Olga Owner' not in response.text
    assert "Transfer ownership" not in response.text
