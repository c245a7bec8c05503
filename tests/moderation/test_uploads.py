"""Uploads with content awaiting review: random names, shown only to insiders until published."""

import re

import pytest

from organisations.models import Organisation
from tests.factories.accounts import UserFactory
from tests.support.forms import image_upload, organisation_data
from tests.support.moderation import decide

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def pending(client, owner, media):
    client.force_login(owner)
    client.post(
        "/organisations/new/",
        organisation_data(name="Open Kitchen", logo=image_upload("Our Team Logo.png")),
    )
    client.logout()
    return Organisation.objects.get(name="Open Kitchen")


def test_a_pending_upload_gets_a_random_name_and_a_checked_address(pending):
    assert re.fullmatch(r"pending/listings/logos/[0-9a-f]{32}\.png", pending.logo.name)
    assert pending.logo.url == f"/media-pending/{pending.logo.name.removeprefix('pending/')}"


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 404), ("stranger", 404), ("owner", 200), ("moderator", 200)],
)
def test_a_pending_upload_is_served_only_to_members_and_moderators(
    client, pending, who, status, owner, moderator
):
    people = {"stranger": UserFactory(), "owner": owner, "moderator": moderator}
    if who in people:
        client.force_login(people[who])

    response = client.get(pending.logo.url)

    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "image/png"
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_publishing_moves_the_upload_to_its_public_name(client, pending, moderator, media):
    pending_name = pending.logo.name

    decide(pending, moderator, "approve")

    pending.refresh_from_db()
    assert re.fullmatch(r"listings/logos/[0-9a-f]{32}\.png", pending.logo.name)
    assert pending.logo.url == f"/media/{pending.logo.name}"
    assert (media / pending.logo.name).exists()
    assert pending.get_latest_revision_as_object().logo.name == pending.logo.name
    assert client.get(f"/media-pending/{pending_name.removeprefix('pending/')}").status_code == 404


def test_a_new_logo_in_an_edit_of_a_live_listing_stays_private_until_approved(
    client, pending, owner, moderator
):
    decide(pending, moderator, "approve")
    public_logo = Organisation.objects.get(pk=pending.pk).logo.name
    client.force_login(owner)
    client.post(
        pending.get_edit_url(),
        organisation_data(name="Open Kitchen", logo=image_upload("new.png")),
    )
    client.logout()

    live = Organisation.objects.get(pk=pending.pk)
    proposed = live.get_latest_revision_as_object().logo
    assert live.logo.name == public_logo
    assert proposed.name.startswith("pending/")
    assert client.get(proposed.url).status_code == 404


def test_a_new_logo_waiting_in_a_revision_is_shown_to_a_moderator(
    client, pending, owner, moderator
):
    """The file is found through the revision's JSON (the live row still has the old logo)."""
    decide(pending, moderator, "approve")
    client.force_login(owner)
    client.post(
        pending.get_edit_url(),
        organisation_data(name="Open Kitchen", logo=image_upload("new.png")),
    )
    proposed = Organisation.objects.get(pk=pending.pk).get_latest_revision_as_object().logo
    client.force_login(moderator)

    response = client.get(proposed.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
