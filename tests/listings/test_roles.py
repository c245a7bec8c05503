"""Site roles on listing pages: one answer everywhere (moderation.roles).

A Django staff account that is in neither the Moderators nor the Editors group gets no
moderation powers: it cannot see a pending listing, edit someone else's listing or manage its
members — on any page or action. A member of the Moderators group (not a superuser, not staff)
can do all of that.
"""

import pytest

from listings.choices import Role
from moderation import roles
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[OrganisationFactory, ProjectFactory], ids=["organisation", "project"])
def make_listing(request, owner):
    return lambda live: request.param(owner=owner, pending=not live)


def pages(listing):
    member = listing.memberships.get()
    return {
        "detail": listing.get_absolute_url(),
        "edit": listing.get_edit_url(),
        "members": listing.listing_url("members"),
        "invite": listing.listing_url("invite"),
        "transfer": listing.listing_url("transfer"),
        "remove": listing.listing_url("member-remove", membership_id=member.pk),
    }


def test_roles_tell_staff_moderators_and_editors_apart(staff, moderator, editor):
    answers = {
        user.email: (roles.is_moderator(user), roles.is_editor(user), roles.is_staff_member(user))
        for user in (staff, moderator, editor)
    }

    assert answers == {
        "staff@example.org": (False, False, True),
        "moderator@example.org": (True, False, True),
        "editor@example.org": (False, True, True),
    }


def test_staff_without_a_group_finds_no_page_of_a_pending_listing(client, staff, make_listing):
    listing = make_listing(live=False)
    client.force_login(staff)

    statuses = {name: client.get(url).status_code for name, url in pages(listing).items()}

    assert statuses == dict.fromkeys(statuses, 404)


def test_staff_without_a_group_cannot_act_on_a_pending_listing(client, staff, make_listing):
    listing = make_listing(live=False)
    client.force_login(staff)

    response = client.post(pages(listing)["invite"], {"email": "x@example.org", "role": "member"})

    assert response.status_code == 404
    assert listing.invitations.count() == 0


def test_staff_without_a_group_cannot_manage_a_published_listing(client, staff, make_listing):
    listing = make_listing(live=True)
    client.force_login(staff)
    urls = pages(listing)

    statuses = {name: client.get(url).status_code for name, url in urls.items()}
    invite = client.post(urls["invite"], {"email": "x@example.org", "role": "member"})

    assert statuses == {
        "detail": 200,
        "edit": 403,
        "members": 200,
        "invite": 403,
        "transfer": 403,
        "remove": 403,
    }
    assert invite.status_code == 403
    assert listing.invitations.count() == 0


def test_a_group_moderator_sees_and_manages_a_pending_listing(client, moderator, make_listing):
    listing = make_listing(live=False)
    client.force_login(moderator)
    urls = pages(listing)

    statuses = {name: client.get(url).status_code for name, url in urls.items()}
    client.post(urls["invite"], {"email": "x@example.org", "role": "member"})

    assert statuses == dict.fromkeys(statuses, 200)
    assert list(listing.invitations.values_list("email", flat=True)) == ["x@example.org"]


def test_an_admin_of_the_listing_manages_it_without_any_site_role(client, make_listing):
    listing = make_listing(live=False)
    admin = UserFactory(email="admin@example.org")
    listing.memberships.create(user=admin, role=Role.ADMIN)
    client.force_login(admin)

    assert client.get(listing.get_edit_url()).status_code == 200
    assert client.get(listing.listing_url("invite")).status_code == 200
