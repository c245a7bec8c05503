"""Membership of organisations and projects: roles, invitations by e-mail, requests to join.

Written once for both kinds of listing. A listing reaches its own rows through its related
managers (`listing.memberships`, `listing.invitations`, `listing.join_requests`), so this module
never imports `projects` (which sits above `organisations`).

Who may do what (a "manager" is an owner or admin of the listing, or a site moderator: staff or
the "Moderators" group):

- managers invite people, cancel invitations, accept or decline requests to join, remove members
  and make a member an admin;
- only an owner (or a site moderator) demotes or removes an admin and transfers ownership;
  the previous owner becomes an admin. Admins cannot push each other out; an admin may step
  down to member themselves;
- nobody removes or demotes the last owner, and the owner cannot leave before transferring.

Every event e-mails the people concerned through the Celery task
"organisations.send_membership_email", queued with `transaction.on_commit`.
Services raise `PermissionDenied` when the person may not act on the listing at all, and
`MembershipError` (with a message for them) when a rule refuses the action.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import MANAGER_ROLES, Role
from .membership_access import (
    INVITABLE_ROLES,
    listing_field,
    listing_kind,
    listing_models,
    listing_of,
    listing_url,
    membership_of,
    removal_problem,
    require_manager,
    role_change_problem,
    standing,
    verified_emails,
)

INVITATION_SALT = "organisations.membership.invitation"


class MembershipError(Exception):
    """A membership rule refused an action; `message` says why, to the person who tried."""

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


class InvitationLinkError(Exception):
    """An invitation link that cannot be used: `reason` is "invalid" or "expired"."""

    def __init__(self, reason, invitation=None):
        super().__init__(reason)
        self.reason = reason
        self.invitation = invitation


# Reads for pages -----------------------------------------------------------------------------


def members_for_page(listing):
    """Memberships with their people: owners first, then admins, then members by name."""
    rank = Case(
        When(role=Role.OWNER, then=Value(0)),
        When(role=Role.ADMIN, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        listing.memberships.select_related("user")
        .annotate(role_rank=rank)
        .order_by("role_rank", "user__first_name", "user__last_name", "pk")
    )


def invitation_max_age_days():
    return getattr(settings, "MEMBERSHIP_INVITATION_MAX_AGE_DAYS", 14)


def invitation_max_age():
    return timedelta(days=invitation_max_age_days())


def _open_invitation_filter():
    return {
        "accepted_at__isnull": True,
        "declined_at__isnull": True,
        "created_at__gte": timezone.now() - invitation_max_age(),
    }


def open_invitations(listing):
    """Invitations of `listing` nobody answered yet and that have not expired."""
    return listing.invitations.filter(**_open_invitation_filter()).select_related("invited_by")


def open_join_requests(listing):
    return listing.join_requests.filter(decided_at__isnull=True).select_related("user")


# Invitations ---------------------------------------------------------------------------------


@transaction.atomic
def invite_member(listing, *, email, role=Role.MEMBER, by):
    """Invite `email` to `listing` with `role` and e-mail them a signed, expiring link.

    Refuses (MembershipError on the "email" field) an address that already belongs to a member
    or already has an open invitation. The e-mail tells people with an account to log in and
    accept, and everyone else to sign up with that address first.
    """
    require_manager(standing(listing, by))
    email = email.strip().lower()
    if role not in INVITABLE_ROLES:
        raise MembershipError(_("Invite people as members or admins."), field="role")
    if _member_with_email(listing, email):
        raise MembershipError(
            _("%(email)s is already a member of %(name)s.") % {"email": email, "name": listing},
            field="email",
        )
    if listing.invitations.filter(email__iexact=email, **_open_invitation_filter()).exists():
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


def invitation_token(invitation):
    """A signed, timestamped token naming the invitation (kind and id), for its link."""
    value = f"{listing_kind(listing_of(invitation))}.{invitation.pk}"
    return signing.TimestampSigner(salt=INVITATION_SALT).sign(value)


def invitation_url(invitation):
    return reverse("invitations:invitation-detail", kwargs={"token": invitation_token(invitation)})


def invitation_from_token(token):
    """The invitation a link names. Raises InvitationLinkError("invalid" or "expired").

    A link expires MEMBERSHIP_INVITATION_MAX_AGE_DAYS after it was signed, and so does the
    invitation itself after it was created (a link signed later cannot prolong it).
    """
    signer = signing.TimestampSigner(salt=INVITATION_SALT)
    try:
        value = signer.unsign(token, max_age=invitation_max_age())
    except signing.SignatureExpired:
        raise InvitationLinkError("expired", _invitation_for(signer.unsign(token))) from None
    except signing.BadSignature:
        raise InvitationLinkError("invalid") from None
    invitation = _invitation_for(value)
    if invitation is None:
        raise InvitationLinkError("invalid")
    if invitation.created_at < timezone.now() - invitation_max_age():
        raise InvitationLinkError("expired", invitation)
    return invitation


def _invitation_for(value):
    kind, _sep, pk = value.partition(".")
    models = {model._meta.model_name: model for model in listing_models()}
    if kind not in models or not pk.isdigit():
        return None
    invitation_model = models[kind].invitations.rel.related_model
    field = listing_field(invitation_model)
    return invitation_model.objects.select_related(field, "invited_by").filter(pk=pk).first()


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


# Dashboard -----------------------------------------------------------------------------------


def pending_for_user(user):
    """What waits for `user` on the dashboard, in 1 + 2 × (kinds of listing) = 5 queries.

    Returns {"invitations": [...], "join_requests": [...]}, newest first:
    - "invitations": open, unexpired invitations (organisations and projects) addressed to any
      of the user's verified e-mail addresses. Each has `.listing`, `.kind`
      ("organisation"/"project"), `.invited_by` loaded, and `.url` (the signed link to answer it).
    - "join_requests": open requests to join listings where the user is owner or admin. Each has
      `.listing`, `.kind`, `.user` (who asks) loaded, and `.url` (the members page to answer).
    """
    emails = verified_emails(user)
    invitations, join_requests = [], []
    for model in listing_models():
        invitations += _open_invitations_to(model, emails)
        join_requests += _open_requests_managed_by(model, user)
    invitations.sort(key=lambda invitation: invitation.created_at, reverse=True)
    join_requests.sort(key=lambda join_request: join_request.created_at, reverse=True)
    return {"invitations": invitations, "join_requests": join_requests}


def _open_invitations_to(listing_model, emails):
    if not emails:
        return []
    invitation_model = listing_model.invitations.rel.related_model
    field = listing_field(invitation_model)
    # Addresses are stored lower-cased by invite_member; verified_emails lower-cases too.
    invitations = invitation_model.objects.filter(
        email__in=emails, **_open_invitation_filter()
    ).select_related(field, "invited_by")
    return [
        _with_listing(invitation, field, invitation_url(invitation)) for invitation in invitations
    ]


def _open_requests_managed_by(listing_model, user):
    request_model = listing_model.join_requests.rel.related_model
    field = listing_field(request_model)
    requests = request_model.objects.filter(
        decided_at__isnull=True,
        **{f"{field}__memberships__user": user, f"{field}__memberships__role__in": MANAGER_ROLES},
    ).select_related(field, "user")
    return [
        _with_listing(join_request, field, listing_url(getattr(join_request, field), "members"))
        for join_request in requests
    ]


def _with_listing(obj, field, url):
    obj.listing = getattr(obj, field)
    obj.kind = listing_kind(obj.listing)
    obj.url = url
    return obj


# E-mail --------------------------------------------------------------------------------------


def _notify(event, listing, *, object_id=None, user=None, actor=None):
    """Queue the e-mail for `event` once the transaction commits (see membership_emails)."""
    from .tasks import send_membership_email_task

    kwargs = {
        "event": event,
        "listing_model": listing._meta.label_lower,
        "listing_id": listing.pk,
        "object_id": object_id,
        "user_id": user.pk if user else None,
        "actor_id": actor.pk if actor else None,
    }
    transaction.on_commit(lambda: send_membership_email_task.delay(**kwargs))
