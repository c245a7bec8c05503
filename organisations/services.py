"""Registering and editing organisations (membership flows live in organisations.membership).

Both go through the moderation contract: a trusted person's submission is published at once;
anyone else's waits for a moderator, and an edit to a published organisation leaves the public
page as it was until the change is approved.
"""

from django.db import transaction
from django.utils.text import slugify

from moderation.services import check_pending_cap, submit_for_review

from .choices import Role
from .models import Membership

# Paths under /organisations/ (and /projects/) that a slug must never shadow.
RESERVED_SLUGS = {"new", "edit", "invitations", "join", "search", "dashboard"}
SLUG_MAX_LENGTH = 200


def unique_slug(model, name):
    """A slug from `name` that no other row of `model` uses: "fab-lab", then "fab-lab-2"..."""
    base = slugify(name)[:SLUG_MAX_LENGTH].strip("-") or model._meta.model_name
    slug, number = base, 2
    while slug in RESERVED_SLUGS or model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def create_listing(listing, *, by, membership_model, parent_field):
    """Save a new, unsaved `listing` for review and make `by` its owner (see callers)."""
    check_pending_cap(by)
    listing.slug = unique_slug(type(listing), listing.name)
    submit_for_review(listing, by=by)
    membership_model.objects.create(**{parent_field: listing}, user=by, role=Role.OWNER)
    return listing


@transaction.atomic
def update_listing(listing, *, by):
    """Submit an edited `listing` (a form applied to `get_latest_revision_as_object()`).

    A listing that was never published has no public page to protect, so its row is brought up
    to date too (members preview the row). Returns "published" or "pending".
    """
    if not listing.workflow_in_progress:
        check_pending_cap(by)
    if not listing.live:
        listing.save()
    return submit_for_review(listing, by=by)


def create_organisation(organisation, *, by):
    """Register an organisation built by OrganisationForm.save(commit=False).

    Refuses (PermissionDenied) when `by` already has too many submissions waiting. Gives the
    organisation a unique slug, saves it as a draft in review (or publishes it when `by` is
    trusted), and makes `by` its owner, all in one transaction. `organisation.live` tells which.
    """
    return create_listing(
        organisation, by=by, membership_model=Membership, parent_field="organisation"
    )


def update_organisation(organisation, *, by):
    """Submit an edit of an organisation; returns "published" or "pending" (see update_listing)."""
    return update_listing(organisation, by=by)
