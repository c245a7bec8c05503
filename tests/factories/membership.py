"""Memberships, invitations and join requests, plus the plain listings they hang on.

`create_organisation` / `create_project` make published listings directly; the listing factories
(tests/factories/listings.py) may replace them later.
"""

import itertools

import factory

from listings.choices import Role
from organisations.models import Invitation, JoinRequest, Membership, Organisation
from projects.models import Project, ProjectInvitation, ProjectJoinRequest, ProjectMembership
from taxonomy.models import AreaOfImpact, Technology
from tests.factories.accounts import UserFactory

_numbers = itertools.count(1)


def create_organisation(*, owner=None, live=True, **fields):
    """A published organisation; `owner` (a user) becomes its owner when given."""
    number = next(_numbers)
    organisation = Organisation.objects.create(
        name=fields.pop("name", f"Open Commons {number}"),
        slug=fields.pop("slug", f"open-commons-{number}"),
        short_description=fields.pop("short_description", "Tools for neighbourhood groups."),
        live=live,
        **fields,
    )
    if owner:
        MembershipFactory(organisation=organisation, user=owner, role=Role.OWNER)
    return organisation


def create_project(*, owner=None, live=True, **fields):
    """A published project with one area of impact and one technology (both required)."""
    number = next(_numbers)
    project = Project.objects.create(
        name=fields.pop("name", f"Repair Map {number}"),
        slug=fields.pop("slug", f"repair-map-{number}"),
        short_description=fields.pop("short_description", "A map of repair cafés."),
        live=live,
        **fields,
    )
    project.areas.set([AreaOfImpact.objects.order_by("pk").first()])
    project.technologies.set([Technology.objects.order_by("pk").first()])
    project.save()
    if owner:
        ProjectMembershipFactory(project=project, user=owner, role=Role.OWNER)
    return project


class MembershipFactory(factory.django.DjangoModelFactory):
    """Pass `organisation=`; the user is a fresh verified person unless given."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER


class ProjectMembershipFactory(factory.django.DjangoModelFactory):
    """Pass `project=`."""

    class Meta:
        model = ProjectMembership

    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER


class InvitationFactory(factory.django.DjangoModelFactory):
    """An open invitation; pass `organisation=` and usually `invited_by=`."""

    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = Role.MEMBER


class ProjectInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectInvitation

    email = factory.Sequence(lambda n: f"project-invitee{n}@example.org")
    role = Role.MEMBER


class JoinRequestFactory(factory.django.DjangoModelFactory):
    """An open request to join; pass `organisation=`."""

    class Meta:
        model = JoinRequest

    user = factory.SubFactory(UserFactory)
    message = "We worked together on the 2025 pilot."


class ProjectJoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectJoinRequest

    user = factory.SubFactory(UserFactory)
    message = "I maintain the map data."
