"""listings.membership.queries.pending_for_user: what waits for someone on their dashboard."""

from datetime import timedelta

import pytest
from django.utils import timezone

from listings.choices import Role
from listings.membership.queries import pending_for_user
from organisations.models import Invitation
from tests.factories.accounts import UserFactory
from tests.factories.listings import (
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectInvitationFactory,
    ProjectJoinRequestFactory,
)

pytestmark = pytest.mark.django_db


def test_pending_lists_invitations_to_my_addresses_of_both_kinds(organisation, project, owner):
    me = UserFactory(email="me@example.org")
    me.emailaddress_set.create(email="work@example.net", verified=True, primary=False)
    me.emailaddress_set.create(email="unverified@example.net", verified=False, primary=False)
    org_invitation = InvitationFactory(organisation=organisation, email="me@example.org")
    project_invitation = ProjectInvitationFactory(
        project=project, email="work@example.net", invited_by=owner
    )
    InvitationFactory(organisation=OrganisationFactory(), email="unverified@example.net")
    answered = InvitationFactory(organisation=OrganisationFactory(), email="me@example.org")
    Invitation.objects.filter(pk=answered.pk).update(accepted_at=timezone.now())
    expired = InvitationFactory(organisation=OrganisationFactory(), email="me@example.org")
    Invitation.objects.filter(pk=expired.pk).update(created_at=timezone.now() - timedelta(days=20))

    pending = pending_for_user(me)

    assert [i.pk for i in pending["invitations"]] == [project_invitation.pk, org_invitation.pk]
    first, second = pending["invitations"]
    assert (first.kind, first.listing, first.invited_by) == ("project", project, owner)
    assert (second.kind, second.listing) == ("organisation", organisation)
    assert first.url.startswith("/invitations/project.")
    assert pending["join_requests"] == []


def test_pending_lists_requests_on_listings_i_manage(organisation, project, owner, admin):
    org_request = JoinRequestFactory(organisation=organisation)
    project_request = ProjectJoinRequestFactory(project=project)
    JoinRequestFactory(organisation=OrganisationFactory())  # not mine
    JoinRequestFactory(organisation=organisation, decided_at=timezone.now(), accepted=False)

    for_owner = pending_for_user(owner)
    for_admin = pending_for_user(admin)

    assert [r.pk for r in for_owner["join_requests"]] == [project_request.pk, org_request.pk]
    assert for_owner["join_requests"][1].url == "/organisations/open-commons/members/"
    assert for_owner["join_requests"][1].user == org_request.user
    assert [r.pk for r in for_admin["join_requests"]] == [org_request.pk]


def test_plain_members_have_no_requests_to_answer(organisation, member):
    JoinRequestFactory(organisation=organisation)

    assert pending_for_user(member)["join_requests"] == []


@pytest.mark.parametrize("count", [1, 20])
def test_pending_runs_five_queries_whatever_the_numbers(count, django_assert_num_queries):
    me = UserFactory(email="me@example.org")
    for _ in range(count):
        organisation = OrganisationFactory()
        MembershipFactory(organisation=organisation, user=me, role=Role.OWNER)
        JoinRequestFactory(organisation=organisation)
        InvitationFactory(organisation=OrganisationFactory(), email="me@example.org")

    with django_assert_num_queries(5):
        pending = pending_for_user(me)
        names = [i.listing.name for i in pending["invitations"]]
        names += [f"{r.user} {r.listing.name}" for r in pending["join_requests"]]

    assert len(names) == 2 * count
