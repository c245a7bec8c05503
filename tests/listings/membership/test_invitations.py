"""Inviting people by e-mail address, and the page the invitation link opens."""

from datetime import timedelta
from unittest import mock
from urllib.parse import unquote

import pytest
from django.core import signing
from django.utils import timezone

from listings.choices import Role
from listings.membership import services, tokens
from organisations.models import Invitation, Membership
from tests.factories.accounts import UserFactory
from tests.factories.listings import InvitationFactory, JoinRequestFactory, MembershipFactory
from tests.support.mail import link_containing, path_of, text_of
from tests.support.people import login

pytestmark = pytest.mark.django_db

INVITE = "/organisations/open-commons/members/invite/"
MEMBERS = "/organisations/open-commons/members/"


def invite(client, email, role="member", *, callbacks):
    with callbacks(execute=True):
        return client.post(INVITE, {"email": email, "role": role}, follow=True)


def test_invitation_to_existing_user_says_log_in_and_accepting_makes_them_member(
    client, organisation, owner, mailbox, django_capture_on_commit_callbacks
):
    invitee = UserFactory(email="grace@example.org", first_name="Grace", last_name="Hopper")
    login(client, owner)

    response = invite(
        client, "Grace@Example.org", "admin", callbacks=django_capture_on_commit_callbacks
    )

    assert "We have e-mailed an invitation to grace@example.org." in response.text
    assert "grace@example.org" in response.text  # listed under open invitations
    [message] = mailbox.wait_for("grace@example.org")
    assert message["Subject"] == "[DSI Hub] You are invited to join Open Commons"
    assert 'Olga Owner invites you to join the organisation "Open Commons"' in text_of(message)
    assert "Log in with grace@example.org and accept the invitation here:" in text_of(message)
    link = link_containing(message, "/invitations/")
    assert link.startswith("http://127.0.0.1:8000/invitations/")

    login(client, invitee)
    page = client.get(path_of(link))
    assert "Invitation to join Open Commons" in page.text
    assert "Accept the invitation" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path_of(link), {"answer": "accept"}, follow=True)

    assert "Welcome! You are now a member of Open Commons." in response.text
    assert "Grace Hopper" in response.text
    assert Membership.objects.get(organisation=organisation, user=invitee).role == Role.ADMIN
    [notice] = mailbox.wait_for("owner@example.org")
    assert notice["Subject"] == "[DSI Hub] Grace Hopper joined Open Commons"


def test_invitation_to_unknown_address_explains_signing_up(
    client, organisation, owner, mailbox, django_capture_on_commit_callbacks
):
    login(client, owner)

    invite(client, "newcomer@example.org", callbacks=django_capture_on_commit_callbacks)

    [message] = mailbox.wait_for("newcomer@example.org")
    text = text_of(message)
    assert "You need an account on the DSI Hub to join." in text
    signup = link_containing(message, "/accounts/signup/")
    assert "email=newcomer%40example.org" in signup
    client.logout()
    page = client.get(path_of(link_containing(message, "/invitations/")))
    assert "Sign up with the invited address, newcomer@example.org." in page.text
    assert page.status_code == 200


def test_invitee_without_account_signs_up_verifies_and_joins(
    client, organisation, owner, mailbox, django_capture_on_commit_callbacks
):
    login(client, owner)
    invite(client, "lin@example.org", callbacks=django_capture_on_commit_callbacks)
    [invitation_mail] = mailbox.wait_for("lin@example.org")
    invitation_link = path_of(link_containing(invitation_mail, "/invitations/"))
    client.logout()

    signup_page = client.get(path_of(link_containing(invitation_mail, "/accounts/signup/")))
    assert 'value="lin@example.org"' in signup_page.text
    client.post(
        "/accounts/signup/",
        {
            "first_name": "Lin",
            "last_name": "Newcomer",
            "email": "lin@example.org",
            "password1": "correct-horse-battery-staple-9",
            "password2": "correct-horse-battery-staple-9",
            "accept_terms": "on",
        },
    )
    [_, verification] = mailbox.wait_for("lin@example.org", count=2)
    confirm = path_of(link_containing(verification, "/accounts/confirm-email/"))
    client.post(confirm)
    client.post(
        "/accounts/login/",
        {"login": "lin@example.org", "password": "correct-horse-battery-staple-9"},
    )
    page = client.get(invitation_link)
    assert "Accept the invitation" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(invitation_link, {"answer": "accept"})

    members_page = client.get(MEMBERS)
    assert "Lin Newcomer" in members_page.text
    assert organisation.memberships.filter(user__email="lin@example.org").exists()


def test_inviting_an_existing_member_says_so_next_to_the_field(client, organisation, owner, member):
    login(client, owner)

    response = client.post(INVITE, {"email": "MEMBER@example.org", "role": "member"})

    assert "member@example.org is already a member of Open Commons." in response.text
    assert 'value="MEMBER@example.org"' in response.text
    assert not Invitation.objects.exists()


def test_inviting_an_address_with_an_open_invitation_is_refused(client, organisation, owner):
    InvitationFactory(organisation=organisation, email="lin@example.org", invited_by=owner)
    login(client, owner)

    response = client.post(INVITE, {"email": "lin@example.org", "role": "member"})

    assert "lin@example.org has already been invited and has not answered yet." in response.text
    assert Invitation.objects.count() == 1


def test_expired_invitation_does_not_block_a_new_one(client, organisation, owner):
    old = InvitationFactory(organisation=organisation, email="lin@example.org")
    Invitation.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=15))
    login(client, owner)

    client.post(INVITE, {"email": "lin@example.org", "role": "member"})

    assert Invitation.objects.filter(email="lin@example.org").count() == 2


def test_invitation_form_with_honeypot_filled_invites_nobody(client, organisation, owner):
    login(client, owner)

    response = client.post(
        INVITE, {"email": "lin@example.org", "role": "member", "contact_fax": "0123"}
    )

    assert "This field must be left empty." in response.text
    assert not Invitation.objects.exists()


def test_invitation_form_with_bad_address_keeps_input_and_explains(client, organisation, owner):
    login(client, owner)

    response = client.post(INVITE, {"email": "not-an-address", "role": "admin"})

    assert "Enter a valid email address." in response.text
    assert 'value="not-an-address"' in response.text
    assert '<option value="admin" selected>' in response.text
    assert not Invitation.objects.exists()


def test_invitations_are_rate_limited_per_user(client, organisation, owner):
    login(client, owner)
    for number in range(30):
        client.post(INVITE, {"email": f"person{number}@example.net", "role": "member"})

    response = client.post(INVITE, {"email": "one-too-many@example.net", "role": "member"})

    assert response.status_code == 429
    assert "Slow down, please" in response.text
    assert not Invitation.objects.filter(email="one-too-many@example.net").exists()


def test_expired_link_shows_a_clear_page(client, organisation, owner):
    invitation = InvitationFactory(organisation=organisation, email="lin@example.org")
    fifteen_days_ago = (timezone.now() - timedelta(days=15)).timestamp()
    with mock.patch.object(signing.time, "time", return_value=fifteen_days_ago):
        link = tokens.invitation_url(invitation)

    response = client.get(link)

    assert response.status_code == 410
    assert "This invitation has expired" in response.text
    assert "Ask the owner or an admin of Open Commons to invite you again." in response.text


def test_link_to_an_invitation_older_than_the_limit_is_expired(client, settings, organisation):
    settings.MEMBERSHIP_INVITATION_MAX_AGE_DAYS = 3
    invitation = InvitationFactory(organisation=organisation, email="lin@example.org")
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=4)
    )

    response = client.get(tokens.invitation_url(invitation))

    assert "This invitation has expired" in response.text


def test_tampered_link_shows_it_does_not_work(client, organisation):
    invitation = InvitationFactory(organisation=organisation)
    link = tokens.invitation_url(invitation)

    response = client.get(link.replace(f"organisation.{invitation.pk}", "organisation.99999"))

    assert response.status_code == 404
    assert "This invitation link does not work" in response.text


def test_used_link_says_it_was_accepted(client, organisation, owner):
    invitee = UserFactory(email="lin@example.org")
    invitation = InvitationFactory(organisation=organisation, email="lin@example.org")
    services.accept_invitation(invitation, user=invitee)

    response = login(client, invitee).get(tokens.invitation_url(invitation))

    assert response.status_code == 410
    assert "This invitation was accepted on" in response.text


def test_logged_in_with_another_address_explains_and_cannot_accept(client, organisation, stranger):
    invitation = InvitationFactory(organisation=organisation, email="lin@example.org")
    link = tokens.invitation_url(invitation)
    login(client, stranger)

    page = client.get(link)
    response = client.post(link, {"answer": "accept"})

    assert "This invitation is for another e-mail address" in page.text
    assert "Accept the invitation" not in page.text
    assert "This invitation was sent to lin@example.org" in response.text
    assert not organisation.memberships.filter(user=stranger).exists()


def test_a_second_verified_address_may_accept(client, organisation, stranger):
    stranger.emailaddress_set.create(email="lin@example.org", verified=True, primary=False)
    invitation = InvitationFactory(organisation=organisation, email="lin@example.org")

    login(client, stranger).post(tokens.invitation_url(invitation), {"answer": "accept"})

    assert organisation.memberships.filter(user=stranger, role=Role.MEMBER).exists()


def test_anonymous_answer_is_sent_to_log_in(client, organisation):
    invitation = InvitationFactory(organisation=organisation, email="lin@example.org")
    link = tokens.invitation_url(invitation)

    response = client.post(link, {"answer": "accept"})

    assert response.status_code == 302
    assert unquote(response.url) == f"/accounts/login/?next={link}"


def test_declining_tells_the_managers(
    client, organisation, owner, mailbox, django_capture_on_commit_callbacks
):
    invitee = UserFactory(email="lin@example.org", first_name="Lin", last_name="Li")
    invitation = InvitationFactory(organisation=organisation, email="lin@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, invitee).post(
            tokens.invitation_url(invitation), {"answer": "decline"}, follow=True
        )

    assert "You declined the invitation to Open Commons." in response.text
    invitation.refresh_from_db()
    assert invitation.declined_at is not None
    assert not organisation.memberships.filter(user=invitee).exists()
    [notice] = mailbox.wait_for("owner@example.org")
    assert notice["Subject"] == "[DSI Hub] An invitation to Open Commons was declined"
    assert "Lin Li (lin@example.org) declined" in text_of(notice)


def test_cancelled_invitation_link_stops_working(client, organisation, owner):
    invitation = InvitationFactory(organisation=organisation, email="lin@example.org")
    link = tokens.invitation_url(invitation)
    login(client, owner)

    response = client.post(
        f"/organisations/open-commons/members/invitations/{invitation.pk}/cancel/", follow=True
    )

    assert "The invitation to lin@example.org is cancelled." in response.text
    assert client.get(link).status_code == 404


def test_accepting_closes_an_open_request_to_join(organisation):
    invitee = UserFactory(email="lin@example.org")
    join_request = JoinRequestFactory(organisation=organisation, user=invitee, message="")
    invitation = InvitationFactory(organisation=organisation, email="lin@example.org")

    services.accept_invitation(invitation, user=invitee)

    join_request.refresh_from_db()
    assert join_request.accepted is True
    assert join_request.decided_at is not None


def test_accepting_as_an_existing_admin_keeps_one_membership_and_the_role(organisation, owner):
    invitee = UserFactory(email="lin@example.org")
    MembershipFactory(organisation=organisation, user=invitee, role=Role.ADMIN)
    invitation = InvitationFactory(organisation=organisation, email="lin@example.org")

    services.accept_invitation(invitation, user=invitee)

    assert organisation.memberships.get(user=invitee).role == Role.ADMIN


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_invitation_email_is_sent_by_the_worker(
    client, celery_worker, mailbox, organisation, owner
):
    """The invitation e-mail leaves through a real Celery worker, after the transaction commits."""
    mailbox.flush_outbox = False  # the worker, not the test, sends the outbox
    login(client, owner)

    client.post(INVITE, {"email": "lin@example.org", "role": "member"})

    [message] = mailbox.wait_for("lin@example.org", timeout=30)
    assert message["Subject"] == "[DSI Hub] You are invited to join Open Commons"
    assert "Olga Owner invites you" in text_of(message)
    client.logout()
    page = client.get(path_of(link_containing(message, "/invitations/")))
    assert "Invitation to join Open Commons" in page.text
