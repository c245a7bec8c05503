"""Editing an organisation at /organisations/<slug>/edit/: who may, and what the public sees."""

import re

import pytest
from django.urls import reverse

from listings.choices import Role
from organisations.models import Organisation
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory
from tests.support.forms import image_upload, organisation_data
from tests.support.moderation import decide

pytestmark = pytest.mark.django_db

OLD = "<p>We cook on Tuesdays.</p>"
NEW = "We cook on Tuesdays and Fridays."


@pytest.fixture
def organisation(owner):
    return OrganisationFactory(
        name="Open Kitchen Collective", slug="open-kitchen", owner=owner, description=OLD
    )


def person_with_role(organisation, role):
    user = UserFactory()
    organisation.memberships.create(user=user, role=role)
    return user


def edit_data(organisation, **overrides):
    return organisation_data(
        name=organisation.name, short_description=organisation.short_description, **overrides
    )


def test_edit_page_for_anonymous_visitors_asks_to_log_in(client, organisation):
    response = client.get(organisation.get_edit_url())

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN])
def test_edit_page_opens_for_owners_and_admins(client, organisation, role):
    client.force_login(person_with_role(organisation, role))

    response = client.get(organisation.get_edit_url())

    assert response.status_code == 200
    assert "Edit Open Kitchen Collective" in response.text
    assert response.context["form"]["name"].value() == "Open Kitchen Collective"


def test_edit_page_opens_for_moderators(client, organisation, moderator):
    client.force_login(moderator)

    assert client.get(organisation.get_edit_url()).status_code == 200


def test_edit_by_plain_member_is_forbidden(client, organisation):
    client.force_login(person_with_role(organisation, Role.MEMBER))

    response = client.post(organisation.get_edit_url(), edit_data(organisation, description=NEW))

    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.description == OLD
    assert organisation.has_unpublished_changes is False


def test_edit_of_published_listing_by_stranger_is_forbidden(client, organisation, stranger):
    client.force_login(stranger)

    assert client.get(organisation.get_edit_url()).status_code == 403


def test_edit_of_pending_listing_by_stranger_is_not_found(client, stranger):
    pending = OrganisationFactory(pending=True)
    client.force_login(stranger)

    assert client.get(pending.get_edit_url()).status_code == 404


def test_edit_page_says_the_listing_is_live(client, organisation, owner):
    client.force_login(owner)

    response = client.get(organisation.get_edit_url())

    assert "This page is published: everyone can see it." in response.text
    assert "Changes awaiting review" not in response.text


def test_edit_by_untrusted_owner_waits_for_approval_while_the_page_stays(
    client, organisation, owner, moderator
):
    client.force_login(owner)

    response = client.post(organisation.get_edit_url(), edit_data(organisation, description=NEW))

    assert response.status_code == 302
    assert "The public page shows the previous version" in client.get(response.url).text
    client.logout()
    public = client.get(organisation.get_absolute_url()).text
    assert "We cook on Tuesdays.</p>" in public
    assert "Fridays" not in public
    organisation.refresh_from_db()
    assert (organisation.live, organisation.has_unpublished_changes) == (True, True)
    assert organisation.awaiting_review is True

    decide(organisation, moderator, "approve")

    assert "We cook on Tuesdays and Fridays." in client.get(organisation.get_absolute_url()).text


def test_edit_page_and_listing_page_say_a_change_is_awaiting_review(client, organisation, owner):
    client.force_login(owner)
    client.post(organisation.get_edit_url(), edit_data(organisation, description=NEW))

    edit_page = client.get(organisation.get_edit_url()).text
    own_view = client.get(organisation.get_absolute_url()).text

    assert "Changes awaiting review" in edit_page
    assert "We cook on Tuesdays and Fridays." in edit_page  # the form shows the pending version
    assert "Changes awaiting review" in own_view


def test_edit_rejected_keeps_the_live_version_and_shows_the_comment(
    client, organisation, owner, moderator
):
    client.force_login(owner)
    client.post(organisation.get_edit_url(), edit_data(organisation, description=NEW))
    organisation.refresh_from_db()

    decide(organisation, moderator, "reject", comment="Please say where you cook.")

    assert Organisation.objects.filter(pk=organisation.pk, live=True).exists()
    assert "We cook on Tuesdays.</p>" in client.get(organisation.get_absolute_url()).text
    edit_page = client.get(organisation.get_edit_url()).text
    assert "Changes requested" in edit_page
    assert "“Please say where you cook.”" in edit_page


def test_edit_of_public_listing_by_trusted_owner_still_waits_for_review(
    client, organisation, owner
):
    owner.trusted_at = owner.date_joined
    owner.save()
    client.force_login(owner)

    client.post(organisation.get_edit_url(), edit_data(organisation, description=NEW))

    client.logout()
    page = client.get(organisation.get_absolute_url()).text
    assert "We cook on Tuesdays and Fridays." not in page
    organisation.refresh_from_db()
    assert organisation.awaiting_review is True


def test_edit_of_public_listing_by_a_moderator_publishes_at_once(client, organisation, moderator):
    client.force_login(moderator)

    client.post(organisation.get_edit_url(), edit_data(organisation, description=NEW))

    client.logout()
    assert "We cook on Tuesdays and Fridays." in client.get(organisation.get_absolute_url()).text


def test_edit_with_new_logo_is_stored_with_the_change_until_approved(
    client, organisation, owner, moderator
):
    client.force_login(owner)
    data = edit_data(organisation, logo=image_upload("new-logo.png"))

    client.post(organisation.get_edit_url(), data)

    organisation.refresh_from_db()
    assert not organisation.logo
    decide(organisation, moderator, "approve")
    assert re.fullmatch(r"listings/logos/[0-9a-f]{32}\.png", organisation.logo.name)
    assert organisation.logo.storage.exists(organisation.logo.name)


def test_edit_of_pending_listing_updates_the_members_preview(client, owner):
    client.force_login(owner)
    client.post(reverse("organisations:organisation-create"), organisation_data())
    organisation = Organisation.objects.get()

    client.post(organisation.get_edit_url(), organisation_data(description="Now with a garden."))

    page = client.get(organisation.get_absolute_url()).text
    organisation.refresh_from_db()
    assert "Now with a garden." in page
    assert "Awaiting review" in page
    assert (organisation.live, organisation.awaiting_review) == (False, True)


def test_edit_by_moderator_keeps_links_and_removes_ticked_ones(client, owner, moderator):
    organisation = OrganisationFactory(owner=owner, links=2)
    [first, second] = organisation.links.all()
    client.force_login(moderator)
    data = edit_data(
        organisation,
        **{
            "links-TOTAL_FORMS": "3",
            "links-INITIAL_FORMS": "2",
            "links-0-id": str(first.pk),
            "links-0-kind": "website",
            "links-0-url": first.url,
            "links-1-id": str(second.pk),
            "links-1-kind": "website",
            "links-1-url": second.url,
            "links-1-DELETE": "on",
            "links-2-kind": "mastodon",
            "links-2-url": "https://social.example/@kitchen",
        },
    )

    response = client.post(organisation.get_edit_url(), data)

    assert response.status_code == 302
    assert [link.url for link in organisation.links.all()] == [
        first.url,
        "https://social.example/@kitchen",
    ]


def test_edit_is_rate_limited_per_user(client, organisation, owner, private_cache):
    client.force_login(owner)
    for _attempt in range(60):
        client.post(organisation.get_edit_url(), {"name": ""})

    response = client.post(organisation.get_edit_url(), {"name": ""})

    assert response.status_code == 429
