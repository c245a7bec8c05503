"""Registering and editing listings (organisations and projects) through moderation.

A trusted person's submission is published at once; anyone else's waits for a moderator, and an
edit to a published listing leaves the public page as it was until the change is approved (see
moderation.services and each model's publishing policy).
"""

from django.db import transaction

from moderation.services import (
    check_pending_cap,
    lock_for_moderation,
    submit_for_review,
    submit_new,
)

from .choices import Role


@transaction.atomic
def create_listing(listing, *, by, token=None):
    """Register a listing built by its form's save(commit=False); `by` becomes its owner.

    Refuses (PermissionDenied) when `by` already has too many submissions waiting and
    (DuplicateSubmission) a form posted twice. Gives the listing a unique slug, saves it as a
    draft in review (or publishes it when `by` is trusted) and makes `by` its owner, all in one
    transaction. `listing.live` tells which.
    """
    submit_new(listing, by=by, slug_from=listing.name, token=token)
    listing.memberships.create(user=by, role=Role.OWNER)
    return listing


@transaction.atomic
def update_listing(listing, *, by):
    """Submit an edited `listing` (a form applied to `get_latest_revision_as_object()`).

    A listing that was never published has no public page to protect, so its row is brought up
    to date too (members preview the row). The row is locked first, so a moderator's decision
    and this edit happen one after the other. Returns "published" or "pending".
    """
    lock_for_moderation(listing)
    if not listing.workflow_in_progress:
        check_pending_cap(by, policy=type(listing).publishing_policy)
    if not listing.live:
        listing.save()
    return submit_for_review(listing, by=by)
