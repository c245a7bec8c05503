"""Once a year, owners confirm their listing is still current.

`request_confirmations` (weekly, Celery beat) finds published listings of every kind that asks for
it (`asks_yearly_confirmation`, on by default: organisations and projects) last confirmed (or, if
never, first published) more than a year ago and e-mails their owners and admins a signed, expiring
link (`listings/email/confirm_request`, or the kind's own `confirmation_email_template`). Following
it and pressing the button (`confirm_listing`) sets `last_confirmed_at`, which the listing's page
shows.

Each request and confirmation is written to Wagtail's audit log of the listing (its history
in the admin); "not asked in the last 30 days" is read from there, so no extra table is needed.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Prefetch
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from accounts.mail import absolute_url, send_email

from .choices import MANAGER_ROLES
from .kinds import listing_field, listing_kind, listing_models, related_model

CONFIRM_EVERY = timedelta(days=365)
ASK_AGAIN_AFTER = timedelta(days=30)
TOKEN_MAX_AGE = timedelta(days=60)
SIGNING_SALT = "confirm-listing"
CONFIRMATION_REQUESTED = "listings.confirmation_requested"
LISTING_CONFIRMED = "listings.listing_confirmed"
LOG_ACTIONS = [
    (CONFIRMATION_REQUESTED, _("Asked the owners to confirm the listing is current")),
    (LISTING_CONFIRMED, _("Confirmed the listing is current")),
]


def confirmed_models():
    return [model for model in listing_models() if model.asks_yearly_confirmation]


def make_token(listing):
    return signing.TimestampSigner(salt=SIGNING_SALT).sign(f"{listing_kind(listing)}.{listing.pk}")


def token_is_valid(listing, token):
    """True when `token` was made for `listing` less than TOKEN_MAX_AGE ago."""
    try:
        value = signing.TimestampSigner(salt=SIGNING_SALT).unsign(token, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return False
    return value == f"{listing_kind(listing)}.{listing.pk}"


def confirmation_url(listing):
    return absolute_url(listing.listing_url("confirm", token=make_token(listing)))


def due_for_confirmation(model, now=None):
    """Published listings with someone to ask, unconfirmed for a year, not asked lately."""
    now = now or timezone.now()
    asked_lately = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=Cast(OuterRef("pk"), CharField()),
        action=CONFIRMATION_REQUESTED,
        timestamp__gte=now - ASK_AGAIN_AFTER,
    )
    membership_model = related_model(model, "memberships")
    managers = membership_model.objects.filter(
        **{listing_field(membership_model): OuterRef("pk")}, role__in=MANAGER_ROLES
    )
    return (
        model.objects.published()
        .annotate(confirmed=Coalesce("last_confirmed_at", "first_published_at"))
        .filter(confirmed__lt=now - CONFIRM_EVERY)
        .filter(Exists(managers), ~Exists(asked_lately))
        .order_by("confirmed", "pk")
    )


@transaction.atomic
def request_confirmations(now=None):
    """Ask the managers of every listing due for confirmation; returns how many were asked.

    Each listing is marked as asked (audit log) and its e-mails are written to the outbox in the
    same transaction.
    """
    asked = 0
    for model in confirmed_models():
        due = list(with_managers(due_for_confirmation(model, now)))
        for listing in due:
            log(listing, CONFIRMATION_REQUESTED)
            send_confirmation_request(listing)
        asked += len(due)
    return asked


def send_confirmation_request(listing):
    """E-mail each owner and admin of `listing` the confirmation link; returns the count."""
    managers = [m.user for m in listing.manager_memberships if m.user.email]
    context = {
        "listing": listing,
        "confirm_url": confirmation_url(listing),
        "edit_url": absolute_url(listing.get_edit_url()),
        "listing_url": absolute_url(listing.get_absolute_url()),
        "max_age_days": TOKEN_MAX_AGE.days,
    }
    for user in managers:
        send_email(listing.confirmation_email_template, to=user, context={**context, "user": user})
    return len(managers)


def with_managers(queryset):
    """Prefetch owners and admins (with their users) as `manager_memberships`."""
    membership_model = related_model(queryset.model, "memberships")
    managers = membership_model.objects.filter(role__in=MANAGER_ROLES).select_related("user")
    return queryset.prefetch_related(
        Prefetch("memberships", queryset=managers, to_attr="manager_memberships")
    )


@transaction.atomic
def confirm_listing(listing, *, by):
    """Record that `by` (an owner or admin) confirmed the listing is current.

    Only `last_confirmed_at` changes (an UPDATE of that column): "last updated" and any edit
    waiting for review are left alone.
    """
    now = timezone.now()
    type(listing).objects.filter(pk=listing.pk).update(last_confirmed_at=now)
    listing.last_confirmed_at = now
    log(listing, LISTING_CONFIRMED, user=by)
    return listing
