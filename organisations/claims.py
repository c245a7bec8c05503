"""Claims: someone says an imported organisation without members is theirs; a moderator decides.

`claim_organisation` records the claim (one open claim per person and organisation). In the
Wagtail admin a moderator approves it (`approve_claim`: the claimant becomes the owner) or
rejects it with a reason (`reject_claim`). Either way the claimant hears by e-mail, written to
the outbox with the decision.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.mail import absolute_url, send_email
from listings.choices import Role

from .models import Claim, Membership, Organisation


def open_claims():
    """Claims waiting for a moderator, oldest first, with what the queue shows."""
    return (
        Claim.objects.filter(decided_at__isnull=True)
        .select_related("organisation", "user")
        .order_by("created_at", "pk")
    )


def can_be_claimed(organisation):
    """Only published organisations nobody belongs to yet (typically imported ones)."""
    return organisation.live and not organisation.memberships.exists()


@transaction.atomic
def claim_organisation(organisation, *, by, message):
    """Record `by`'s claim on `organisation` for moderators; returns (claim, created).

    Refuses (ValidationError) an organisation that already has members. Claiming again while a
    claim is open updates its message instead of adding a second claim.
    """
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not can_be_claimed(organisation):
        raise ValidationError(
            _("This organisation already has members. Ask to join it instead."), code="has_members"
        )
    claim = open_claims().filter(organisation=organisation, user=by).first()
    if claim is not None:
        claim.message = message
        claim.save(update_fields=["message"])
        return claim, False
    return Claim.objects.create(organisation=organisation, user=by, message=message), True


@transaction.atomic
def approve_claim(claim, *, by):
    """Make the claimant the organisation's owner and tell them by e-mail.

    Refuses (ValidationError) a claim already decided, or one on an organisation that has an
    owner by now (another claim was approved first): reject that one instead.
    """
    claim = _lock_open(claim)
    if claim.organisation.memberships.filter(role=Role.OWNER).exists():
        raise ValidationError(
            _("“%(name)s” already has an owner. Reject this claim instead.")
            % {"name": claim.organisation},
            code="has_owner",
        )
    Membership.objects.update_or_create(
        organisation=claim.organisation, user=claim.user, defaults={"role": Role.OWNER}
    )
    _decide(claim, approved=True, by=by)
    send_claim_decision(claim, reason="")
    return claim


@transaction.atomic
def reject_claim(claim, *, by, reason):
    """Turn the claim down and e-mail the claimant the moderator's reason."""
    claim = _lock_open(claim)
    _decide(claim, approved=False, by=by)
    send_claim_decision(claim, reason=reason)
    return claim


def send_claim_decision(claim, *, reason=""):
    """E-mail the claimant the moderator's decision."""
    organisation = claim.organisation
    context = {
        "user": claim.user,
        "organisation": organisation,
        "approved": claim.approved,
        "reason": reason,
        "organisation_url": absolute_url(organisation.get_absolute_url()),
        "edit_url": absolute_url(organisation.get_edit_url()),
    }
    return send_email("organisations/email/claim_decision", to=claim.user, context=context)


def _lock_open(claim):
    claim = (
        Claim.objects.select_for_update(of=("self",))
        .select_related("organisation", "user")
        .get(pk=claim.pk)
    )
    if claim.decided_at is not None:
        raise ValidationError(_("This claim has already been decided."), code="decided")
    return claim


def _decide(claim, *, approved, by):
    claim.approved = approved
    claim.decided_at = timezone.now()
    claim.decided_by = by
    claim.save(update_fields=["approved", "decided_at", "decided_by"])


def export_claims(user):
    """The personal-data export's "claims": what `user` claimed and what was decided."""
    return "claims", [
        {
            "organisation": claim.organisation.name,
            "message": claim.message,
            "claimed": claim.created_at,
            "decided": claim.decided_at,
            "approved": claim.approved,
        }
        for claim in user.claims.select_related("organisation")
    ]
