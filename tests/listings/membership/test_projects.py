"""Projects use the same membership flows as organisations (one implementation)."""

import pytest

from listings.choices import Role
from tests.factories.accounts import UserFactory
from tests.factories.listings import ProjectJoinRequestFactory, ProjectMembershipFactory
from tests.support.mail import link_containing, path_of, text_of
from tests.support.people import login

pytestmark = pytest.mark.django_db

BASE = "/projects/repair-map"


def test_project_invitation_is_accepted_from_the_emailed_link(
    client, project, owner, mailbox, django_capture_on_commit_callbacks
):
    invitee = UserFactory(email="lin@example.org", first_name="Lin", last_name="Li")
    login(client, owner)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}/members/invite/", {"email": "lin@example.org", "role": "member"})
    [message] = mailbox.wait_for("lin@example.org")
    link = path_of(link_containing(message, "/invitations/"))
    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, invitee).post(link, {"answer": "accept"}, follow=True)

    assert message["Subject"] == "[DSI Hub] You are invited to join Repair Map"
    assert 'join the project "Repair Map"' in text_of(message)
    assert "Welcome! You are now a member of Repair Map." in response.text
    assert "Lin Li" in response.text
    assert project.memberships.get(user=invitee).role == Role.MEMBER


def test_project_join_request_is_accepted(
    client, project, owner, mailbox, django_capture_on_commit_callbacks
):
    join_request = ProjectJoinRequestFactory(
        project=project, user=UserFactory(email="lin@example.org")
    )
    login(client, owner)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}/join-requests/{join_request.pk}/accept/")

    assert project.memberships.filter(user=join_request.user).exists()
    [message] = mailbox.wait_for("lin@example.org")
    assert message["Subject"] == "[DSI Hub] Welcome to Repair Map"


def test_project_owner_cannot_leave_and_member_cannot_manage(client, project, owner):
    member = ProjectMembershipFactory(project=project).user

    leave = login(client, owner).post(f"{BASE}/leave/", follow=True)
    invite = login(client, member).post(
        f"{BASE}/members/invite/", {"email": "x@example.org", "role": "member"}
    )

    assert "You are the owner of Repair Map." in leave.text
    assert invite.status_code == 403
    assert not project.invitations.exists()


def test_project_ownership_transfer(client, project, owner):
    member = ProjectMembershipFactory(project=project)
    login(client, owner)

    client.post(f"{BASE}/members/transfer/", {"new_owner": member.pk})

    assert project.memberships.get(pk=member.pk).role == Role.OWNER
    assert project.memberships.get(user=owner).role == Role.ADMIN
