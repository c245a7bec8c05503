"""Listing writes at the same moment end in one consistent state, on the real PostgreSQL."""

import uuid

import pytest
from django.core import mail

from organisations.models import Organisation
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory
from tests.support.concurrency import logged_in, together
from tests.support.forms import organisation_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CREATE = "/organisations/new/"


def new_organisation(name, **fields):
    # No city: transactional tests may run after a flush emptied the gazetteer.
    return organisation_data(name=name, city="", not_a_duplicate="on", **fields)


def test_two_listings_with_the_same_name_at_once_get_two_slugs(owner, stranger):
    one, two = logged_in(owner), logged_in(stranger)

    responses = together(
        lambda: one.post(CREATE, new_organisation("Fab Lab Lisboa")),
        lambda: two.post(CREATE, new_organisation("Fab Lab Lisboa")),
    )

    assert [r.status_code for r in responses] == [302, 302]
    slugs = sorted(Organisation.objects.values_list("slug", flat=True))
    assert slugs == ["fab-lab-lisboa", "fab-lab-lisboa-2"]


def test_a_form_sent_twice_at_once_creates_one_listing(owner):
    data = {**new_organisation("Fab Lab Lisboa"), "submission_token": str(uuid.uuid4())}
    first, second = logged_in(owner), logged_in(owner)

    responses = together(lambda: first.post(CREATE, data), lambda: second.post(CREATE, data))

    assert [r.status_code for r in responses] == [302, 302]
    assert {r.url for r in responses} == {"/organisations/fab-lab-lisboa/"}
    assert Organisation.objects.count() == 1


def test_parallel_submissions_cannot_pass_the_cap_of_pending_ones(settings):
    newcomer = UserFactory()
    clients = [logged_in(newcomer) for _ in range(5)]
    cap = settings.MODERATION_MAX_PENDING_PER_USER

    responses = together(
        *[
            lambda client=client, n=n: client.post(CREATE, new_organisation(f"Kitchen {n}"))
            for n, client in enumerate(clients)
        ]
    )

    assert sorted(r.status_code for r in responses) == [200] * (5 - cap) + [302] * cap
    assert Organisation.objects.filter(live=False).count() == cap


def test_two_invitations_to_one_address_at_once_make_one_invitation_and_one_email(owner):
    organisation = OrganisationFactory(name="Open Commons", owner=owner)
    url = organisation.listing_url("invite")
    one, two = logged_in(owner), logged_in(owner)
    invite = {"email": "lin@example.org", "role": "member"}

    responses = together(lambda: one.post(url, invite), lambda: two.post(url, invite))

    assert sorted(r.status_code for r in responses) == [200, 302]
    assert organisation.invitations.count() == 1
    assert [m.to for m in mail.outbox] == [["lin@example.org"]]
