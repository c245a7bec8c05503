"""Who may see and edit a listing (organisation or project). Reads only; no side effects.

Published listings are public. A listing that is not published is visible to its members and to
moderators only. Owners, admins and moderators may edit.
"""

from allauth.account.models import EmailAddress

from .choices import MANAGER_ROLES

MODERATORS_GROUP = "Moderators"


def is_moderator(user):
    """Superusers and members of the Moderators group (looked up once per request's user)."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_moderator"):
        user._is_moderator = user.is_superuser or user.groups.filter(name=MODERATORS_GROUP).exists()
    return user._is_moderator


def membership_of(listing, user):
    """`user`'s membership of `listing` or None; uses prefetched memberships when present."""
    if not user.is_authenticated:
        return None
    return next((m for m in listing.memberships.all() if m.user_id == user.pk), None)


def can_view(listing, user):
    return listing.live or membership_of(listing, user) is not None or is_moderator(user)


def can_edit(listing, user):
    membership = membership_of(listing, user)
    if membership is not None and membership.role in MANAGER_ROLES:
        return True
    return is_moderator(user)


def has_verified_email(user):
    """Submitting listings needs a verified e-mail address (allauth keeps the state)."""
    return EmailAddress.objects.filter(user=user, verified=True).exists()
