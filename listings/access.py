"""Who someone is in one listing, and what that lets them see and do. Reads only.

Published listings are public. A listing that is not published is visible to its members and to
moderators only (moderation.roles). Owners, admins and moderators edit it and manage its
members; only an owner (or a moderator) demotes or removes an admin or transfers ownership.
"""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from moderation.roles import is_moderator

from .choices import MANAGER_ROLES, Role


def membership_of(listing, user, *, memberships=None):
    """`user`'s membership in `listing` or None; uses `memberships` or a prefetch when given."""
    if not user.is_authenticated:
        return None
    if memberships is None:
        memberships = getattr(listing, "_prefetched_objects_cache", {}).get("memberships")
    if memberships is not None:
        return next((m for m in memberships if m.user_id == user.pk), None)
    return listing.memberships.filter(user=user).first()


class Standing:
    """What one person is in one listing: their membership (or None), and site moderation."""

    def __init__(self, user, membership):
        self.user = user
        self.membership = membership

    @cached_property
    def site_moderator(self):
        return is_moderator(self.user)

    @property
    def role(self):
        return self.membership.role if self.membership else None

    @property
    def is_member(self):
        return self.membership is not None

    @property
    def is_owner(self):
        return self.role == Role.OWNER

    @property
    def can_manage(self):
        return self.role in MANAGER_ROLES or self.site_moderator

    @property
    def can_manage_admins(self):
        """Demote or remove admins and transfer ownership: owners and site moderators."""
        return self.is_owner or self.site_moderator

    def can_view(self, listing):
        return listing.live or self.is_member or self.site_moderator


def standing(listing, user, *, memberships=None):
    return Standing(user, membership_of(listing, user, memberships=memberships))


def require_manager(standing):
    if not standing.can_manage:
        raise PermissionDenied(_("Only the owner and admins can manage the members."))
