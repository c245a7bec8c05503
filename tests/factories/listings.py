"""Organisations and projects in any review state, and the rows that hang on them: memberships,
invitations and requests to join. One factory per model.

Factories write rows directly: listings are published unless `pending=True` (a draft nobody
approved, outside the review workflow). To go through moderation as a user would, use the forms
or `moderation.services`; tests/support/moderation.py has `submit` and `decide` for that.
"""

import factory
from django.utils import timezone
from django.utils.text import slugify

from listings.choices import LinkKind, Role
from organisations.models import Invitation, JoinRequest, Membership, Organisation
from projects.models import Project, ProjectInvitation, ProjectJoinRequest, ProjectMembership
from taxonomy.models import AreaOfImpact, Technology
from tests.factories.accounts import UserFactory


class ListingFactory(factory.django.DjangoModelFactory):
    """Shared fields; `owner=user` adds an owner, `admins=[...]` and `members=[...]` add admins and
    plain members, `keywords=[...]` and `links=n` add keywords and links."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    short_description = "Tools and know-how for neighbourhood groups."
    live = True
    first_published_at = factory.LazyFunction(timezone.now)

    class Params:
        pending = factory.Trait(live=False, first_published_at=None)

    @factory.post_generation
    def owner(listing, create, extracted, **kwargs):
        if create and extracted:
            listing.memberships.create(user=extracted, role=Role.OWNER)

    @factory.post_generation
    def admins(listing, create, extracted, **kwargs):
        for user in extracted or []:
            listing.memberships.create(user=user, role=Role.ADMIN)

    @factory.post_generation
    def members(listing, create, extracted, **kwargs):
        for user in extracted or []:
            listing.memberships.create(user=user, role=Role.MEMBER)

    @factory.post_generation
    def keywords(listing, create, extracted, **kwargs):
        if create and extracted:
            listing.keywords.add(*extracted)
            listing.tagged_keywords.commit()

    @factory.post_generation
    def links(listing, create, extracted, **kwargs):
        for number in range(extracted or 0):
            listing.links.add(
                listing.links.model(
                    kind=LinkKind.WEBSITE, url=f"https://example.org/{number}", sort_order=number
                )
            )
        if create and extracted:
            listing.links.commit()


class OrganisationFactory(ListingFactory):
    """An organisation; `areas=[...]`, `technologies=[...]` set its vocabularies."""

    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Open Commons {n}")

    @factory.post_generation
    def areas(organisation, create, extracted, **kwargs):
        if create and extracted:
            organisation.areas.set(extracted)
            organisation.areas.commit()

    @factory.post_generation
    def technologies(organisation, create, extracted, **kwargs):
        if create and extracted:
            organisation.technologies.set(extracted)
            organisation.technologies.commit()


class ProjectFactory(ListingFactory):
    """A project with one area and one technology unless `areas=`/`technologies=` say otherwise;
    `organisations=[...]` links organisations."""

    class Meta:
        model = Project

    name = factory.Sequence(lambda n: f"Repair Map {n}")

    @factory.post_generation
    def areas(project, create, extracted, **kwargs):
        if create:
            project.areas.set(extracted or [AreaOfImpact.objects.order_by("pk").first()])
            project.areas.commit()

    @factory.post_generation
    def technologies(project, create, extracted, **kwargs):
        if create:
            project.technologies.set(extracted or [Technology.objects.order_by("pk").first()])
            project.technologies.commit()

    @factory.post_generation
    def organisations(project, create, extracted, **kwargs):
        if create and extracted:
            project.organisations.set(extracted)
            project.organisations.commit()


class MembershipFactory(factory.django.DjangoModelFactory):
    """A plain member (a fresh verified person unless `user=`) of a new organisation unless
    `organisation=`; `role=Role.ADMIN` or `Role.OWNER` for the others."""

    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER


class ProjectMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectMembership

    project = factory.SubFactory(ProjectFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER


class InvitationFactory(factory.django.DjangoModelFactory):
    """An open invitation to join as a member; usually with `organisation=` and `invited_by=`."""

    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = Role.MEMBER


class ProjectInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectInvitation

    project = factory.SubFactory(ProjectFactory)
    email = factory.Sequence(lambda n: f"project-invitee{n}@example.org")
    role = Role.MEMBER


class JoinRequestFactory(factory.django.DjangoModelFactory):
    """An open request to join, from a fresh verified person unless `user=`."""

    class Meta:
        model = JoinRequest

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    message = "We worked together on the 2025 pilot."


class ProjectJoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectJoinRequest

    project = factory.SubFactory(ProjectFactory)
    user = factory.SubFactory(UserFactory)
    message = "I maintain the map data."
