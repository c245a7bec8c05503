"""Membership of organisations and projects: roles, invitations by e-mail, requests to join.

Written once for both kinds of listing. A listing reaches its own rows through its related
managers (`listing.memberships`, `listing.invitations`, `listing.join_requests`), so this module
never imports `organisations` or `projects` (which sit above listings).

Who may do what (a "manager" is an owner or admin of the listing, or a site moderator: see
moderation.roles):

- managers invite people, cancel invitations, accept or decline requests to join, remove members
  and make a member an admin;
- only an owner (or a site moderator) demotes or removes an admin and transfers ownership;
  the previous owner becomes an admin. Admins cannot push each other out; an admin may step
  down to member themselves;
- nobody removes or demotes the last owner, and the owner cannot leave before transferring.

Every event e-mails the people concerned (listings.membership.emails): the messages are written
to the outbox in the same transaction as the change, so none is lost to an outage.
Services raise `PermissionDenied` when the person may not act on the listing at all, and
`MembershipError` (with a message for them) when a rule refuses the action.
"""

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from listings.access import membership_of, require_manager, standing
from listings.choices import Role
from listings.kinds import listing_field, listing_of

from . import emails
from .queries import open_invitation_filter
from .rules import INVITABLE_ROLES, removal_problem, role_change_problem, verified_emails


class MembershipError(Exception):
    """A membership rule refused an action; `message` says why, to the person who tried."""

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


# Invitations ---------------------------------------------------------------------------------


@transaction.atomic
def invite_member(listing, *, email, role=Role.MEMBER, by):
    """Invite `email` to `listing` with `role` and e-mail them a signed, expiring link.

    Refuses (MembershipError on the "email" field) an address that already belongs to a member
    or already has an open invitation; the listing's row is locked so two invitations sent at the
    same moment are checked one after the other. The e-mail tells people with an account to log
    in and accept, and everyone else to sign up with that address first.
    """
    listing = _locked(listing)
    require_manager(standing(listing, by))
    email = email.strip().lower()
    if role not in INVITABLE_ROLES:
        raise MembershipError(_("Invite people as members or admins."), field="role")
    if _member_with_email(listing, email):
        raise MembershipError(
            _("%(email)s is already a member of %(name)s.") % {"email": email, "name": listing},
            field="email",
        )
    if listing.invitations.filter(email__iexact=email, **open_invitation_filter()).exists():
        raise MembershipError(
            _("%(email)s has already been invited and has not answered yet.") % {"email": email},
            field="email",
        )
    invitation = listing.invitations.create(email=email, role=role, invited_by=by)
    _notify("invitation_sent", listing, object_id=invitation.pk, actor=by)
    return invitation


def _member_with_email(listing, email):
    verified = EmailAddress.objects.filter(email__iexact=email, verified=True).values("user_id")
    return listing.memberships.filter(Q(user__email__iexact=email) | Q(user__in=verified)).exists()


@transaction.atomic
def cancel_invitation(invitation, *, by):
    """Withdraw an open invitation: its link stops working. No e-mail is sent."""
    require_manager(standing(listing_of(invitation), by))
    if not invitation.is_open:
        raise MembershipError(_("This invitation has already been answered."))
    invitation.delete()


def check_invitation_addressee(invitation, user):
    """Refuse unless `user` has verified the address the invitation was sent to."""
    if invitation.email.lower() not in verified_emails(user):
        raise MembershipError(
            _(
                "This invitation was sent to %(invited)s, but you are logged in as %(current)s. "
                "Log in with the invited address, or add and verify it in your account settings."
            )
            % {"invited": invitation.email, "current": user.email}
        )


def _check_answerable(invitation):
    if not invitation.is_open:
        raise MembershipError(_("This invitation has already been answered."))


@transaction.atomic
def accept_invitation(invitation, *, user):
    """`user` (with the invited address verified) joins with the invited role.

    Closes their open request to join, if any, and tells the managers by e-mail.
    Someone who is already a member keeps their current role.
    """
    _check_answerable(invitation)
    check_invitation_addressee(invitation, user)
    listing = listing_of(invitation)
    membership, _created = listing.memberships.get_or_create(
        user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    listing.join_requests.filter(user=user, decided_at__isnull=True).update(
        decided_at=invitation.accepted_at, accepted=True
    )
    _notify("invitation_accepted", listing, object_id=invitation.pk, user=user)
    return membership


@transaction.atomic
def decline_invitation(invitation, *, user):
    """`user` says no; the managers are told by e-mail."""
    _check_answerable(invitation)
    check_invitation_addressee(invitation, user)
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])
    _notify("invitation_declined", listing_of(invitation), object_id=invitation.pk, user=user)


# Requests to join ----------------------------------------------------------------------------


@transaction.atomic
def request_to_join(listing, *, user, message=""):
    """`user` (with a verified e-mail) asks to join; the listing's managers get an e-mail."""
    if not verified_emails(user):
        raise MembershipError(_("Please verify your e-mail address before asking to join."))
    if membership_of(listing, user):
        raise MembershipError(_("You are already a member of %(name)s.") % {"name": listing})
    if listing.join_requests.filter(user=user, decided_at__isnull=True).exists():
        raise MembershipError(
            _("You have already asked to join %(name)s. The owner and admins have been told.")
            % {"name": listing}
        )
    join_request = listing.join_requests.create(user=user, message=message.strip())
    _notify("join_requested", listing, object_id=join_request.pk, user=user)
    return join_request


@transaction.atomic
def accept_join_request(join_request, *, by):
    """Make the requester a member and tell them by e-mail."""
    listing = listing_of(join_request)
    _decide(join_request, accepted=True, by=by)
    membership, _created = listing.memberships.get_or_create(
        user=join_request.user, defaults={"role": Role.MEMBER}
    )
    _notify("join_accepted", listing, object_id=join_request.pk, actor=by)
    return membership


@transaction.atomic
def decline_join_request(join_request, *, by):
    """Turn the request down and tell the requester by e-mail."""
    _decide(join_request, accepted=False, by=by)
    _notify("join_declined", listing_of(join_request), object_id=join_request.pk, actor=by)


def _decide(join_request, *, accepted, by):
    require_manager(standing(listing_of(join_request), by))
    if not join_request.is_open:
        raise MembershipError(_("This request has already been answered."))
    join_request.accepted = accepted
    join_request.decided_at = timezone.now()
    join_request.decided_by = by
    join_request.save(update_fields=["accepted", "decided_at", "decided_by"])


# Roles, removal, leaving, ownership ----------------------------------------------------------


@transaction.atomic
def change_role(membership, role, *, by):
    """Make a member an admin or an admin a member (see the module docstring for who may)."""
    listing = _locked(listing_of(membership))
    actor = standing(listing, by)
    require_manager(actor)
    problem = role_change_problem(actor, membership, role)
    if problem:
        raise MembershipError(problem)
    if membership.role == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role"])
    _notify("role_changed", listing, object_id=membership.pk, user=membership.user, actor=by)
    return membership


@transaction.atomic
def remove_member(membership, *, by):
    """Remove someone from the listing and tell them by e-mail. The last owner stays."""
    listing = _locked(listing_of(membership))
    actor = standing(listing, by)
    require_manager(actor)
    problem = removal_problem(actor, membership, owner_count=_owner_count(listing))
    if problem:
        raise MembershipError(problem)
    membership.delete()
    _notify("member_removed", listing, user=membership.user, actor=by)


@transaction.atomic
def leave_listing(listing, *, user):
    """`user` leaves; the managers are told. The last owner must transfer ownership first."""
    listing = _locked(listing)
    membership = membership_of(listing, user)
    if membership is None:
        raise MembershipError(_("You are not a member of %(name)s.") % {"name": listing})
    if membership.role == Role.OWNER and _owner_count(listing) <= 1:
        raise MembershipError(
            _(
                "You are the owner of %(name)s. Transfer ownership to another member before "
                "you leave."
            )
            % {"name": listing}
        )
    membership.delete()
    _notify("member_left", listing, user=user)


@transaction.atomic
def transfer_ownership(listing, new_owner, *, by):
    """Make the member `new_owner` (a membership) the owner; previous owners become admins.

    Only an owner or a site moderator may do it. The new owner and the other managers are told.
    """
    listing = _locked(listing)
    actor = standing(listing, by)
    if not actor.can_manage_admins:
        raise PermissionDenied(_("Only the owner can transfer ownership."))
    if getattr(new_owner, f"{listing_field(type(new_owner))}_id") != listing.pk:
        raise MembershipError(_("Choose one of this listing’s members."), field="new_owner")
    if new_owner.role == Role.OWNER:
        raise MembershipError(_("This person is already the owner."), field="new_owner")
    listing.memberships.filter(role=Role.OWNER).update(role=Role.ADMIN)
    new_owner.role = Role.OWNER
    new_owner.save(update_fields=["role"])
    _notify("ownership_transferred", listing, user=new_owner.user, actor=by)
    return new_owner


def _locked(listing):
    """Lock the listing row so concurrent role changes cannot both pass the last-owner check."""
    return type(listing).objects.select_for_update().get(pk=listing.pk)


def _owner_count(listing):
    return listing.memberships.filter(role=Role.OWNER).count()


# E-mail ------------------------------------------------------------------------------------


def _notify(event, listing, **kwargs):
    """Write the e-mails of `event` to the outbox, in the caller's transaction."""
    emails.notify(event, listing, **kwargs)
