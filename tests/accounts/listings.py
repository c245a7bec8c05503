"""Organisations and projects for the accounts tests (profile, dashboard, deletion).

Listings are created the way the hub creates them: published ones directly live, pending ones
through moderation.services.submit_for_review by an untrusted member.
"""

from django.utils.text import slugify

from listings.choices import Role
from moderation.services import submit_for_review
from organisations.models import Membership, Organisation
from projects.models import Project, ProjectMembership


def organisation(name, *, members=(), live=True):
    """An organisation; `members` is [(user, role)], the first one submits it when not live."""
    listing = Organisation(name=name, slug=slugify(name), short_description=f"About {name}.")
    return _save(listing, Membership, "organisation", members, live)


def project(name, *, members=(), live=True):
    listing = Project(name=name, slug=slugify(name), short_description=f"About {name}.")
    return _save(listing, ProjectMembership, "project", members, live)


def _save(listing, membership_model, field, members, live):
    if live:
        listing.save()
    else:
        submit_for_review(listing, by=members[0][0])
    for user, role in members:
        membership_model.objects.create(user=user, role=role, **{field: listing})
    return listing


def edit_and_submit(listing, *, by, **changes):
    """An edit to a listing, saved as a revision for review (the live row stays)."""
    for name, value in changes.items():
        setattr(listing, name, value)
    submit_for_review(listing, by=by)
    listing.refresh_from_db()
    return listing


OWNER, ADMIN, MEMBER = Role.OWNER, Role.ADMIN, Role.MEMBER
