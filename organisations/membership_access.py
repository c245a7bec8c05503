"""Who someone is in a listing, and what they may do there (the rules of organisations.membership).

Generic over both kinds of listing: a listing reaches its rows through `listing.memberships`,
`listing.invitations` and `listing.join_requests`, and `listing_models()` finds the kinds
without importing `projects` (which sits above `organisations`).
"""

import functools

from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from .choices import MANAGER_ROLES, Role
from .models import Listing

MODERATORS_GROUP = "Moderators"
INVITABLE_ROLES = [Role.MEMBER, Role.ADMIN]


# Listing kinds ------------------------------------------------------------------------------


def listing_models():
    """Every concrete listing model (Organisation, Project), found without importing them."""
    return [model for model in apps.get_models() if issubclass(model, Listing)]


def listing_kind(listing):
    """The prefix of a listing's membership URL names: "organisation" or "project"."""
    return listing._meta.model_name


def listing_of(obj):
    """The listing a membership, invitation or join request belongs to."""
    return getattr(obj, listing_field(type(obj)))


@functools.cache
def listing_field(model):
    """The name of `model`'s foreign key to a listing: "organisation" or "project"."""
    for field in model._meta.concrete_fields:
        if field.is_relation and issubclass(field.related_model, Listing):
            return field.name
    raise LookupError(f"{model.__name__} has no foreign key to a listing")


def listing_url(listing, name, **kwargs):
    """Reverse one of the membership URLs of `listing`, e.g. listing_url(org, "members")."""
    opts = listing._meta
    return reverse(
        f"{opts.app_label}:{opts.model_name}-{name}", kwargs={"slug": listing.slug, **kwargs}
    )


# Who is who ---------------------------------------------------------------------------------


def is_site_moderator(user):
    """Staff and members of the "Moderators" group may manage any listing's members."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return user.groups.filter(name=MODERATORS_GROUP).exists()


class Standing:
    """What one person is in one listing: their membership (or None), and site moderation."""

    def __init__(self, user, membership):
        self.user = user
        self.membership = membership

    @cached_property
    def site_moderator(self):
        return is_site_moderator(self.user)

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


def membership_of(listing, user, *, memberships=None):
    """`user`'s membership in `listing` or None; uses `memberships` or a prefetch when given."""
    if not user.is_authenticated:
        return None
    if memberships is None:
        memberships = getattr(listing, "_prefetched_objects_cache", {}).get("memberships")
    if memberships is not None:
        return next((m for m in memberships if m.user_id == user.pk), None)
    return listing.memberships.filter(user=user).first()


def standing(listing, user, *, memberships=None):
    return Standing(user, membership_of(listing, user, memberships=memberships))


def can_view(listing, standing):
    """Published listings are public; a pending one only to its members and moderators."""
    return listing.live or standing.is_member or standing.site_moderator


def require_manager(standing):
    if not standing.can_manage:
        raise PermissionDenied(_("Only the owner and admins can manage the members."))


def verified_emails(user):
    """The e-mail addresses `user` has verified, lower-cased."""
    if not user.is_authenticated:
        return set()
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return {address.lower() for address in addresses}


# What may be done to whom -------------------------------------------------------------------


def removal_problem(standing, target, *, owner_count):
    """Why `standing` may not remove `target` (a message), or None when they may."""
    if target.user_id == standing.user.pk:
        return _("To leave, use the “Leave” button.")
    if target.role == Role.OWNER and owner_count <= 1:
        return _("The owner cannot be removed. Ownership must be transferred first.")
    if target.role in MANAGER_ROLES and not standing.can_manage_admins:
        return _("Only the owner can remove an admin.")
    return None


def role_change_problem(standing, target, role):
    """Why `standing` may not give `target` the role `role` (a message), or None."""
    if role not in INVITABLE_ROLES:
        return _("Choose admin or member. Ownership is handed over with “Transfer ownership”.")
    if target.role == Role.OWNER:
        return _("The owner’s role changes only by transferring ownership.")
    demoting_someone_else = (
        target.role == Role.ADMIN and role == Role.MEMBER and target.user_id != standing.user.pk
    )
    if demoting_someone_else and not standing.can_manage_admins:
        return _("Only the owner can remove someone’s admin rights.")
    return None
