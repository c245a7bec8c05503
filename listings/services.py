"""Registering and editing listings (organisations and projects) through moderation.

A trusted person's submission is published at once; anyone else's waits for a moderator, and an
edit to a published listing leaves the public page as it was until the change is approved (see
moderation.services and each model's publishing policy).
"""

from django.db import transaction

from moderation.services import submit_edit, submit_new

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


def update_listing(listing, *, by):
    """Submit an edited `listing` (see moderation.services.submit_edit)."""
    return submit_edit(listing, by=by)
