"""The rules of membership: what one member may do to another, and who an invitation is for.

Each function answers with a message for the person who tried (or None when allowed), so the
services can refuse with `MembershipError(message)` and the members page can hide what is not
allowed without asking twice.
"""

from allauth.account.models import EmailAddress
from django.utils.translation import gettext as _

from listings.choices import MANAGER_ROLES, Role

INVITABLE_ROLES = [Role.MEMBER, Role.ADMIN]


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


def verified_emails(user):
    """The e-mail addresses `user` has verified, lower-cased: those invitations may go to."""
    if not user.is_authenticated:
        return set()
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return {address.lower() for address in addresses}
