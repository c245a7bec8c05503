"""Asking to join a listing, and the managers' answer."""

import pytest

from listings.choices import Role
from organisations.models import JoinRequest
from tests.factories.accounts import UserFactory
from tests.factories.listings import JoinRequestFactory, OrganisationFactory
from tests.support.mail import link_containing, path_of, text_of
from tests.support.people import login

pytestmark = pytest.mark.django_db

JOIN = "/organisations/open-commons/join/"


def test_request_to_join_emails_the_managers_with_a_working_link(
    client, organisation, owner, admin, stranger, mailbox, django_capture_on_commit_callbacks
):
    login(client, stranger)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN, {"message": "I run the Ghent chapter."}, follow=True)

    assert "Your request to join Open Commons is sent." in response.text
    assert JoinRequest.objects.get().user == stranger
    [to_owner] = mailbox.wait_for("owner@example.org")
    [to_admin] = mailbox.wait_for("admin@example.org")
    assert to_owner["Subject"] == "[DSI Hub] Sam Stranger asks to join Open Commons"
    assert "I run the Ghent chapter." in text_of(to_owner)
    assert "Hello Ada," in text_of(to_admin)
    members_page = login(client, owner).get(path_of(link_containing(to_owner, "/members/")))
    assert "Sam Stranger" in members_page.text
    assert "I run the Ghent chapter." in members_page.text


def test_accepting_a_request_makes_a_member_and_tells_them(
    client, organisation, owner, mailbox, django_capture_on_commit_callbacks
):
    requester = UserFactory(email="lin@example.org", first_name="Lin")
    join_request = JoinRequestFactory(organisation=organisation, user=requester)
    login(client, owner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/organisations/open-commons/join-requests/{join_request.pk}/accept/", follow=True
        )

    assert f"{requester} is now a member." in response.text
    assert organisation.memberships.get(user=requester).role == Role.MEMBER
    join_request.refresh_from_db()
    assert (join_request.accepted, join_request.decided_by) == (True, owner)
    [message] = mailbox.wait_for("lin@example.org")
    assert message["Subject"] == "[DSI Hub] Welcome to Open Commons"
    assert "was accepted. You are now a member." in text_of(message)
    members_page = login(client, requester).get(path_of(link_containing(message, "/members/")))
    assert "Lin" in members_page.text


def test_declining_a_request_tells_the_requester(
    client, organisation, owner, mailbox, django_capture_on_commit_callbacks
):
    requester = UserFactory(email="lin@example.org", first_name="Lin")
    join_request = JoinRequestFactory(organisation=organisation, user=requester)
    login(client, owner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/organisations/open-commons/join-requests/{join_request.pk}/decline/", follow=True
        )

    assert f"You declined the request from {requester}." in response.text
    assert not organisation.memberships.filter(user=requester).exists()
    join_request.refresh_from_db()
    assert join_request.accepted is False
    [message] = mailbox.wait_for("lin@example.org")
    assert message["Subject"] == "[DSI Hub] Your request to join Open Commons"
    assert "declined your request to join" in text_of(message)
    assert client.get(path_of(link_containing(message, "/open-commons/"))).status_code == 200


def test_second_open_request_is_refused_and_the_page_shows_the_first(
    client, organisation, stranger
):
    JoinRequestFactory(organisation=organisation, user=stranger)
    login(client, stranger)

    page = client.get(JOIN)
    response = client.post(JOIN, {"message": "Again"})

    assert "The owner and admins have not answered yet." in page.text
    assert "You have already asked to join Open Commons." in response.text
    assert JoinRequest.objects.count() == 1


def test_member_asking_to_join_is_told_they_already_are(client, organisation, member):
    login(client, member)

    page = client.get(JOIN, follow=True)
    response = client.post(JOIN, {"message": ""})

    assert "You are already a member." in page.text
    assert "You are already a member of Open Commons." in response.text
    assert not JoinRequest.objects.exists()


def test_user_without_verified_address_cannot_ask(client, organisation):
    unverified = UserFactory(email="unverified@example.org", verified=False)
    login(client, unverified)

    response = client.post(JOIN, {"message": ""})

    assert "Please verify your e-mail address before asking to join." in response.text
    assert not JoinRequest.objects.exists()


def test_request_to_join_with_honeypot_filled_is_refused(client, organisation, stranger):
    login(client, stranger)

    client.post(JOIN, {"message": "Hi", "contact_fax": "spam"})

    assert not JoinRequest.objects.exists()


def test_requests_to_join_are_rate_limited(client, stranger):
    organisations = [OrganisationFactory() for _ in range(11)]
    login(client, stranger)
    for listing in organisations[:10]:
        client.post(f"/organisations/{listing.slug}/join/", {"message": ""})

    response = client.post(f"/organisations/{organisations[10].slug}/join/", {"message": ""})

    assert response.status_code == 429
    assert "Slow down, please" in response.text
    assert JoinRequest.objects.count() == 10


def test_listing_awaiting_review_cannot_be_joined_by_strangers(client, owner, stranger):
    OrganisationFactory(owner=owner, slug="pending-org", pending=True)
    login(client, stranger)

    response = client.post("/organisations/pending-org/join/", {"message": ""})

    assert response.status_code == 404
    assert not JoinRequest.objects.exists()


def test_answered_request_cannot_be_answered_again(client, organisation, owner):
    join_request = JoinRequestFactory(organisation=organisation)
    login(client, owner)
    client.post(f"/organisations/open-commons/join-requests/{join_request.pk}/decline/")

    response = client.post(
        f"/organisations/open-commons/join-requests/{join_request.pk}/accept/", follow=True
    )

    assert "This request has already been answered." in response.text
    assert not organisation.memberships.filter(user=join_request.user).exists()
