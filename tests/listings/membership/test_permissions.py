"""Every membership write URL refuses anonymous visitors, strangers and plain members."""

from urllib.parse import unquote

import pytest
from django.test import Client

from listings.choices import Role
from organisations.models import Invitation, JoinRequest, Membership
from tests.factories.listings import (
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
)
from tests.support.people import login

pytestmark = pytest.mark.django_db

BASE = "/organisations/open-commons"


@pytest.fixture
def targets(organisation, owner, member):
    """One row of each kind for the URLs to act on, and the rows' state before the request."""
    other = MembershipFactory(organisation=organisation, role=Role.MEMBER)
    invitation = InvitationFactory(organisation=organisation, invited_by=owner)
    join_request = JoinRequestFactory(organisation=organisation)
    return {"membership": other, "invitation": invitation, "join_request": join_request}


def manager_urls(targets):
    membership = targets["membership"].pk
    return {
        "invite": (f"{BASE}/members/invite/", {"email": "x@example.org", "role": "admin"}),
        "cancel": (f"{BASE}/members/invitations/{targets['invitation'].pk}/cancel/", {}),
        "role": (f"{BASE}/members/{membership}/role/", {"role": "admin"}),
        "remove": (f"{BASE}/members/{membership}/remove/", {}),
        "transfer": (f"{BASE}/members/transfer/", {"new_owner": membership}),
        "accept": (f"{BASE}/join-requests/{targets['join_request'].pk}/accept/", {}),
        "decline": (f"{BASE}/join-requests/{targets['join_request'].pk}/decline/", {}),
    }


def state(organisation):
    return (
        sorted(Membership.objects.filter(organisation=organisation).values_list("pk", "role")),
        Invitation.objects.count(),
        sorted(JoinRequest.objects.values_list("pk", "decided_at")),
    )


ACTIONS = ["invite", "cancel", "role", "remove", "transfer", "accept", "decline"]


@pytest.mark.parametrize("action", ACTIONS)
def test_anonymous_is_sent_to_log_in(client, organisation, targets, action):
    url, data = manager_urls(targets)[action]
    before = state(organisation)

    response = client.post(url, data)

    assert response.status_code == 302
    assert unquote(response.url) == f"/accounts/login/?next={url}"
    assert state(organisation) == before


@pytest.mark.parametrize("action", ACTIONS)
def test_plain_member_is_refused(client, organisation, targets, member, action):
    url, data = manager_urls(targets)[action]
    before = state(organisation)

    response = login(client, member).post(url, data)

    assert response.status_code == 403
    assert "Access denied" in response.text
    assert state(organisation) == before


@pytest.mark.parametrize("action", ACTIONS)
def test_stranger_is_refused(client, organisation, targets, stranger, action):
    url, data = manager_urls(targets)[action]
    before = state(organisation)

    response = login(client, stranger).post(url, data)

    assert response.status_code == 403
    assert state(organisation) == before


@pytest.mark.parametrize("action", ["invite", "remove", "transfer"])
def test_stranger_gets_404_on_a_listing_awaiting_review(client, owner, stranger, action):
    OrganisationFactory(owner=owner, slug="pending-org", pending=True)
    url = {
        "invite": "/organisations/pending-org/members/invite/",
        "remove": "/organisations/pending-org/members/1/remove/",
        "transfer": "/organisations/pending-org/members/transfer/",
    }[action]

    response = login(client, stranger).post(url, {})

    assert response.status_code == 404


def test_members_page_of_a_listing_awaiting_review_is_hidden_from_strangers(
    client, owner, stranger
):
    OrganisationFactory(owner=owner, slug="pending-org", pending=True, name="Pending Org")

    stranger_response = login(client, stranger).get("/organisations/pending-org/members/")
    owner_response = login(client, owner).get("/organisations/pending-org/members/")

    assert stranger_response.status_code == 404
    assert "Awaiting review" in owner_response.text


def test_plain_member_does_not_see_the_management_controls(client, organisation, member):
    response = login(client, member).get(f"{BASE}/members/")

    assert "Mo Member" in response.text
    assert "Invite someone" not in response.text
    assert "Requests to join" not in response.text
    assert "Leave this organisation" in response.text


def test_anonymous_is_sent_to_log_in_to_join_and_leave(client, organisation):
    join = client.post(f"{BASE}/join/", {"message": ""})
    leave = client.post(f"{BASE}/leave/")

    assert unquote(join.url) == f"/accounts/login/?next={BASE}/join/"
    assert unquote(leave.url) == f"/accounts/login/?next={BASE}/leave/"
    assert not JoinRequest.objects.exists()


def test_stranger_cannot_leave_what_they_are_not_in(client, organisation, stranger):
    response = login(client, stranger).post(f"{BASE}/leave/")

    assert response.status_code == 403


def test_forms_without_csrf_token_are_refused(organisation, owner):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(owner)

    response = csrf_client.post(
        f"{BASE}/members/invite/", {"email": "lin@example.org", "role": "member"}
    )

    assert response.status_code == 403
    assert not Invitation.objects.exists()
