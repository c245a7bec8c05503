"""Downloading my data (/account/export/) and deleting my account (/account/delete/)."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from accounts.export import EXPORTERS, export_user_data, register_exporter
from accounts.models import User, UserLink
from accounts.services import delete_account
from listings.choices import Role
from moderation.models import Report
from organisations.models import Membership, Organisation
from projects.models import ProjectMembership
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.listings import (
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def me(client):
    user = UserFactory(
        email="ada@example.org", first_name="Ada", last_name="Lovelace", job_title="Analyst"
    )
    client.force_login(user)
    return user


# Export -------------------------------------------------------------------------------------


def test_export_needs_a_login(client):
    response = client.post("/account/export/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_export_page_explains_the_file_and_offers_a_button(client, me):
    response = client.get("/account/export/")

    assert "One file with everything DSI Hub holds about you" in response.text
    assert "Download my data (JSON)</button>" in response.text


def test_export_downloads_everything_the_hub_holds_on_me(client, me):
    me.skills.set(["open data"])
    UserLink.objects.create(user=me, kind="github", url="https://github.com/ada")
    other = UserFactory()
    kitchen = OrganisationFactory(name="Open Kitchen", owner=me)
    ProjectFactory(name="Seed Library", members=[me])
    elsewhere = OrganisationFactory(name="Civic Club", owner=other)
    InvitationFactory(organisation=kitchen, email="bob@example.org", invited_by=me)
    JoinRequestFactory(organisation=elsewhere, user=me, message="Let me in")
    Report.objects.create(
        reporter=me,
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=str(elsewhere.pk),
        subject_label="Civic Club",
        reason="inaccurate",
        text="Closed in 2024.",
    )

    response = client.post("/account/export/")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="dsihub-export-')
    assert response["Content-Disposition"].endswith('.json"')
    data = json.loads(response.content)
    assert data["account"]["email"] == "ada@example.org"
    assert "password" not in data["account"]
    assert me.password not in response.content.decode()
    assert data["email_addresses"] == [
        {"email": "ada@example.org", "verified": True, "primary": True}
    ]
    assert data["profile"]["job_title"] == "Analyst"
    assert data["profile"]["skills"] == ["open data"]
    assert data["profile"]["links"] == [{"kind": "github", "url": "https://github.com/ada"}]
    assert [(m["kind"], m["name"], m["role"]) for m in data["memberships"]] == [
        ("organisation", "Open Kitchen", "owner"),
        ("project", "Seed Library", "member"),
    ]
    assert [i["email"] for i in data["invitations"]["sent"]] == ["bob@example.org"]
    assert [(j["name"], j["message"]) for j in data["join_requests"]] == [
        ("Civic Club", "Let me in")
    ]
    assert [(r["reported_item"], r["details"]) for r in data["reports"]] == [
        ("Civic Club", "Closed in 2024.")
    ]


def test_export_holds_nothing_about_other_people(client, me):
    other = UserFactory(email="someone@example.org", job_title="Secret agent")
    OrganisationFactory(name="Their Org", owner=other)

    response = client.post("/account/export/")

    assert b"someone@example.org" not in response.content
    assert b"Their Org" not in response.content


def test_export_registry_takes_exporters_from_other_apps(me):
    def export_favourite_colour(user):
        return "favourite_colour", "teal"

    register_exporter(export_favourite_colour)
    try:
        data = export_user_data(me)
    finally:
        EXPORTERS.remove(export_favourite_colour)

    assert data["favourite_colour"] == "teal"


# Delete -------------------------------------------------------------------------------------


def test_delete_needs_a_login(client):
    response = client.post("/account/delete/", {"email": "x@example.org", "password": "x"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_delete_page_explains_what_is_deleted(client, me):
    response = client.get("/account/delete/")

    assert "Deleting your account cannot be undone." in response.text
    assert 'name="email"' in response.text
    assert 'name="password"' in response.text


def test_delete_is_refused_to_the_last_owner_of_a_listing(client, me):
    kitchen = OrganisationFactory(name="Open Kitchen", owner=me)
    ProjectFactory(name="Draft Project", owner=me, pending=True)
    shared = OrganisationFactory(name="Shared Org", owner=me)
    MembershipFactory(organisation=shared, role=Role.OWNER)

    page = client.get("/account/delete/")
    response = client.post(
        "/account/delete/", {"email": "ada@example.org", "password": DEFAULT_PASSWORD}
    )

    assert "You are the only owner of these listings." in page.text
    assert f'<a href="{kitchen.get_absolute_url()}">Open Kitchen</a>' in page.text
    assert "Draft Project" in page.text
    assert "Shared Org" not in page.text
    assert 'name="password"' not in page.text
    assert "You cannot delete your account yet." in response.text
    assert User.objects.filter(pk=me.pk).exists()


def test_delete_refuses_an_address_that_is_not_mine(client, me):
    response = client.post(
        "/account/delete/", {"email": "someone@example.org", "password": DEFAULT_PASSWORD}
    )

    assert "This is not the address of your account." in response.text
    assert 'value="someone@example.org"' in response.text
    assert User.objects.filter(pk=me.pk).exists()


def test_delete_refuses_a_wrong_password(client, me):
    response = client.post(
        "/account/delete/", {"email": "ada@example.org", "password": "not-my-password"}
    )

    assert "This password is not correct." in response.text
    assert User.objects.filter(pk=me.pk).exists()


def test_delete_removes_me_and_my_memberships_but_keeps_shared_listings(client, me):
    co_owner = UserFactory()
    shared = OrganisationFactory(name="Shared Org", owner=me)
    MembershipFactory(organisation=shared, user=co_owner, role=Role.OWNER)
    admin_of = ProjectFactory(name="Seed Library", owner=co_owner, admins=[me])

    response = client.post(
        "/account/delete/",
        {"email": "ADA@example.org", "password": DEFAULT_PASSWORD},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/"
    assert "Your account and your data have been deleted." in response.text
    assert '<span class="account-name">' not in response.text
    assert not User.objects.filter(email="ada@example.org").exists()
    assert not client.login(email="ada@example.org", password=DEFAULT_PASSWORD)
    assert list(Membership.objects.filter(organisation=shared).values_list("user", flat=True)) == [
        co_owner.pk
    ]
    assert ProjectMembership.objects.filter(project=admin_of).count() == 1
    assert Organisation.objects.filter(pk=shared.pk).exists()


def test_delete_account_service_checks_the_confirmation(me):
    with pytest.raises(ValidationError) as error:
        delete_account(me, confirmed_email="other@example.org")

    assert error.value.code == "mismatch"
    assert User.objects.filter(pk=me.pk).exists()


def test_delete_account_service_refuses_the_last_owner(me):
    OrganisationFactory(name="Open Kitchen", owner=me)

    with pytest.raises(ValidationError) as error:
        delete_account(me, confirmed_email="ada@example.org")

    assert error.value.code == "last_owner"
    assert User.objects.filter(pk=me.pk).exists()


def test_delete_removes_my_photo_file(
    client, me, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    me.photo.save("me.png", ContentFile(b"stored bytes"))
    stored = tmp_path / me.photo.name

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/account/delete/", {"email": "ada@example.org", "password": DEFAULT_PASSWORD})

    assert not stored.exists()
