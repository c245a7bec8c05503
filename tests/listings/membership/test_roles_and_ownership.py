"""Making admins, removing people, leaving, and handing ownership over."""

import pytest

from listings.choices import Role
from tests.factories.accounts import UserFactory
from tests.factories.listings import MembershipFactory, OrganisationFactory
from tests.support.mail import link_containing, path_of, text_of
from tests.support.people import login

pytestmark = pytest.mark.django_db

BASE = "/organisations/open-commons"


def role_of(organisation, user):
    return organisation.memberships.get(user=user).role


def membership_id(organisation, user):
    return organisation.memberships.get(user=user).pk


def test_owner_makes_a_member_admin_and_they_are_told(
    client, organisation, owner, member, mailbox, django_capture_on_commit_callbacks
):
    login(client, owner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{BASE}/members/{membership_id(organisation, member)}/role/",
            {"role": "admin"},
            follow=True,
        )

    assert "Mo Member is now admin." in response.text
    assert role_of(organisation, member) == Role.ADMIN
    [message] = mailbox.wait_for("member@example.org")
    assert message["Subject"] == "[DSI Hub] You are now admin of Open Commons"
    assert "As an admin you can edit the listing" in text_of(message)
    page = login(client, member).get(path_of(link_containing(message, "/members/")))
    assert "Invite someone" in page.text


def test_admin_may_make_another_member_admin(client, organisation, admin, member):
    login(client, admin)

    client.post(f"{BASE}/members/{membership_id(organisation, member)}/role/", {"role": "admin"})

    assert role_of(organisation, member) == Role.ADMIN


def test_admin_cannot_demote_another_admin(client, organisation, admin):
    other = MembershipFactory(organisation=organisation, role=Role.ADMIN)
    login(client, admin)

    response = client.post(f"{BASE}/members/{other.pk}/role/", {"role": "member"}, follow=True)

    assert "Only the owner can remove someone’s admin rights." in response.text
    other.refresh_from_db()
    assert other.role == Role.ADMIN


def test_owner_demotes_an_admin(client, organisation, owner, admin):
    login(client, owner)

    client.post(f"{BASE}/members/{membership_id(organisation, admin)}/role/", {"role": "member"})

    assert role_of(organisation, admin) == Role.MEMBER


def test_admin_may_step_down_themselves(client, organisation, admin):
    login(client, admin)

    client.post(f"{BASE}/members/{membership_id(organisation, admin)}/role/", {"role": "member"})

    assert role_of(organisation, admin) == Role.MEMBER


def test_owner_role_cannot_be_changed_except_by_transfer(client, organisation, owner, moderator):
    login(client, moderator)

    response = client.post(
        f"{BASE}/members/{membership_id(organisation, owner)}/role/", {"role": "admin"}, follow=True
    )

    assert "The owner’s role changes only by transferring ownership." in response.text
    assert role_of(organisation, owner) == Role.OWNER


def test_role_owner_cannot_be_given_through_the_role_form(client, organisation, owner, member):
    login(client, owner)

    response = client.post(
        f"{BASE}/members/{membership_id(organisation, member)}/role/",
        {"role": "owner"},
        follow=True,
    )

    assert "Choose admin or member." in response.text
    assert role_of(organisation, member) == Role.MEMBER


def test_owner_removes_a_member_who_is_told(
    client, organisation, owner, member, mailbox, django_capture_on_commit_callbacks
):
    url = f"{BASE}/members/{membership_id(organisation, member)}/remove/"
    login(client, owner)

    confirm = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)

    assert "Remove Mo Member from Open Commons?" in confirm.text
    assert "Mo Member is no longer a member of Open Commons." in response.text
    assert not organisation.memberships.filter(user=member).exists()
    [message] = mailbox.wait_for("member@example.org")
    assert message["Subject"] == "[DSI Hub] You are no longer a member of Open Commons"
    assert "Olga Owner removed you" in text_of(message)


def test_admin_cannot_remove_another_admin(client, organisation, admin):
    other = MembershipFactory(organisation=organisation, role=Role.ADMIN)
    login(client, admin)

    response = client.post(f"{BASE}/members/{other.pk}/remove/", follow=True)

    assert "Only the owner can remove an admin." in response.text
    assert organisation.memberships.filter(pk=other.pk).exists()


def test_not_even_a_moderator_can_remove_the_owner(client, organisation, owner, moderator):
    login(client, moderator)

    response = client.post(
        f"{BASE}/members/{membership_id(organisation, owner)}/remove/", follow=True
    )

    assert "The owner cannot be removed. Ownership must be transferred first." in response.text
    assert role_of(organisation, owner) == Role.OWNER


def test_owner_cannot_leave_before_transferring(client, organisation, owner):
    login(client, owner)

    page = client.get(f"{BASE}/leave/")
    response = client.post(f"{BASE}/leave/", follow=True)

    assert "Before you leave, transfer ownership to another member" in page.text
    assert (
        "You are the owner of Open Commons. Transfer ownership to another member before you leave."
        in response.text
    )
    assert role_of(organisation, owner) == Role.OWNER


def test_member_leaves_and_managers_are_told(
    client, organisation, owner, member, mailbox, django_capture_on_commit_callbacks
):
    login(client, member)

    page = client.get(f"{BASE}/leave/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{BASE}/leave/", follow=True)

    assert "You will no longer be listed as a member" in page.text
    assert "You left Open Commons." in response.text
    assert not organisation.memberships.filter(user=member).exists()
    [message] = mailbox.wait_for("owner@example.org")
    assert message["Subject"] == "[DSI Hub] Mo Member left Open Commons"


def test_owner_transfers_ownership_and_becomes_admin(
    client, organisation, owner, admin, member, mailbox, django_capture_on_commit_callbacks
):
    login(client, owner)

    page = client.get(f"{BASE}/members/transfer/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{BASE}/members/transfer/",
            {"new_owner": membership_id(organisation, member)},
            follow=True,
        )

    assert "Mo Member (Member)" in page.text
    assert "Olga Owner (Owner)" not in page.text
    assert "Mo Member is now the owner of Open Commons." in response.text
    assert role_of(organisation, member) == Role.OWNER
    assert role_of(organisation, owner) == Role.ADMIN
    [to_new_owner] = mailbox.wait_for("member@example.org")
    [to_previous] = mailbox.wait_for("owner@example.org")
    mailbox.wait_for("admin@example.org")
    assert "You are now the owner of the organisation" in text_of(to_new_owner)
    assert "Mo Member is now the owner" in text_of(to_previous)
    assert to_previous["Subject"] == "[DSI Hub] Mo Member is now the owner of Open Commons"


def test_previous_owner_may_leave_after_transferring(client, organisation, owner, member):
    login(client, owner)
    client.post(f"{BASE}/members/transfer/", {"new_owner": membership_id(organisation, member)})

    client.post(f"{BASE}/leave/")

    assert not organisation.memberships.filter(user=owner).exists()
    assert role_of(organisation, member) == Role.OWNER


def test_admin_cannot_transfer_ownership(client, organisation, owner, admin, member):
    login(client, admin)

    page = client.get(f"{BASE}/members/transfer/")
    response = client.post(
        f"{BASE}/members/transfer/", {"new_owner": membership_id(organisation, member)}
    )

    assert page.status_code == 403
    assert response.status_code == 403
    assert role_of(organisation, owner) == Role.OWNER


def test_transfer_to_someone_outside_the_listing_is_refused(client, organisation, owner, member):
    elsewhere = MembershipFactory(
        organisation=OrganisationFactory(),
        user=UserFactory(),
    )
    login(client, owner)

    response = client.post(f"{BASE}/members/transfer/", {"new_owner": elsewhere.pk})

    assert "Select a valid choice." in response.text
    assert role_of(organisation, owner) == Role.OWNER


def test_moderator_manages_members_of_any_listing(client, organisation, member, moderator):
    login(client, moderator)

    page = client.get(f"{BASE}/members/")
    client.post(f"{BASE}/members/{membership_id(organisation, member)}/role/", {"role": "admin"})

    assert "Invite someone" in page.text
    assert role_of(organisation, member) == Role.ADMIN
