"""Organisations and projects in any review state, and the moderator who decides on them.

Factories write rows directly (published by default; `pending=True` for a draft nobody approved).
To go through moderation as a user would, use the services (`organisations.services`) or
the forms; `decide` plays the moderator's part with Wagtail's workflow API.
"""

import factory
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from listings.choices import LinkKind, Role
from organisations.models import Organisation
from projects.models import Project
from taxonomy.models import AreaOfImpact, Technology
from tests.factories.accounts import UserFactory


def make_moderator(**fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def make_editor(**fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def decide(listing, moderator, action, comment=""):
    """A moderator's "approve" or "reject" on the listing's current workflow task."""
    task_state = listing.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, action, comment=comment)
    listing.refresh_from_db()


class ListingFactory(factory.django.DjangoModelFactory):
    """Shared fields; `owner=user` adds an owner, `members=[...]` adds plain members,
    `keywords=[...]` and `links=n` add keywords and links."""

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
