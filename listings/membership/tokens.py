"""Invitation links: a signed, timestamped token naming the invitation (kind and id).

A link expires MEMBERSHIP_INVITATION_MAX_AGE_DAYS after it was signed, and so does the invitation
itself after it was created (a link signed later cannot prolong it).
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from listings.kinds import listing_field, listing_kind, listing_models, listing_of, related_model

INVITATION_SALT = "listings.membership.invitation"


class InvitationLinkError(Exception):
    """An invitation link that cannot be used: `reason` is "invalid" or "expired"."""

    def __init__(self, reason, invitation=None):
        super().__init__(reason)
        self.reason = reason
        self.invitation = invitation


def invitation_max_age_days():
    return settings.MEMBERSHIP_INVITATION_MAX_AGE_DAYS


def invitation_max_age():
    return timedelta(days=invitation_max_age_days())


def invitation_token(invitation):
    value = f"{listing_kind(listing_of(invitation))}.{invitation.pk}"
    return signing.TimestampSigner(salt=INVITATION_SALT).sign(value)


def invitation_url(invitation):
    return reverse("invitations:invitation-detail", kwargs={"token": invitation_token(invitation)})


def invitation_from_token(token):
    """The invitation a link names. Raises InvitationLinkError("invalid" or "expired")."""
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
    invitation_model = related_model(models[kind], "invitations")
    field = listing_field(invitation_model)
    return invitation_model.objects.select_related(field, "invited_by").filter(pk=pk).first()
