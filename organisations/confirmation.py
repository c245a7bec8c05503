"""Once a year, owners confirm their organisation's listing is still current.

`request_confirmations` (weekly, Celery beat) finds published organisations last confirmed (or,
if never, first published) more than a year ago and e-mails their owners and admins a signed,
expiring link. Following it and pressing the button (`confirm_listing`) sets
`last_confirmed_at`, which the organisation's page shows.

Each request and confirmation is written to Wagtail's audit log of the organisation (its history
in the admin); "not asked in the last 30 days" is read from there, so no extra table is needed.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Prefetch
from django.db.models.functions import Cast, Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from moderation.emails import absolute_url

from .choices import MANAGER_ROLES
from .models import Membership, Organisation

CONFIRM_EVERY = timedelta(days=365)
ASK_AGAIN_AFTER = timedelta(days=30)
TOKEN_MAX_AGE = timedelta(days=60)
SIGNING_SALT = "confirm-listing"
CONFIRMATION_REQUESTED = "organisations.confirmation_requested"
LISTING_CONFIRMED = "organisations.listing_confirmed"
LOG_ACTIONS = [
    (CONFIRMATION_REQUESTED, _("Asked the owners to confirm the listing is current")),
    (LISTING_CONFIRMED, _("Confirmed the listing is current")),
]
SUBJECT_PREFIX = "[DSI Hub] "


def make_token(organisation):
    return signing.TimestampSigner(salt=SIGNING_SALT).sign(str(organisation.pk))


def token_is_valid(organisation, token):
    """True when `token` was made for `organisation` less than TOKEN_MAX_AGE ago."""
    try:
        value = signing.TimestampSigner(salt=SIGNING_SALT).unsign(token, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return False
    return value == str(organisation.pk)


def confirmation_url(organisation):
    path = reverse(
        "organisations:organisation-confirm",
        kwargs={"slug": organisation.slug, "token": make_token(organisation)},
    )
    return absolute_url(path)


def due_for_confirmation(now=None):
    """Published organisations with someone to ask, unconfirmed for a year, not asked lately."""
    now = now or timezone.now()
    asked_lately = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=Cast(OuterRef("pk"), CharField()),
        action=CONFIRMATION_REQUESTED,
        timestamp__gte=now - ASK_AGAIN_AFTER,
    )
    managers = Membership.objects.filter(organisation=OuterRef("pk"), role__in=MANAGER_ROLES)
    return (
        Organisation.objects.published()
        .annotate(confirmed=Coalesce("last_confirmed_at", "first_published_at"))
        .filter(confirmed__lt=now - CONFIRM_EVERY)
        .filter(Exists(managers), ~Exists(asked_lately))
        .order_by("confirmed", "pk")
    )


@transaction.atomic
def request_confirmations(now=None):
    """Ask the managers of every organisation due for confirmation; returns how many were asked.

    Each organisation is marked as asked (audit log) and gets its own e-mail task, queued once
    the marks are committed.
    """
    from .tasks import send_confirmation_request_task

    organisation_ids = list(due_for_confirmation(now).values_list("pk", flat=True))
    for organisation in Organisation.objects.filter(pk__in=organisation_ids):
        log(organisation, CONFIRMATION_REQUESTED)
    for organisation_id in organisation_ids:
        transaction.on_commit(
            lambda pk=organisation_id: send_confirmation_request_task.delay(organisation_id=pk)
        )
    return len(organisation_ids)


def send_confirmation_request(organisation):
    """E-mail each owner and admin of `organisation` the confirmation link; returns the count."""
    managers = [m.user for m in organisation.manager_memberships if m.user.email]
    context = {
        "organisation": organisation,
        "confirm_url": confirmation_url(organisation),
        "edit_url": absolute_url(organisation.get_edit_url()),
        "organisation_url": absolute_url(organisation.get_absolute_url()),
        "max_age_days": TOKEN_MAX_AGE.days,
    }
    subject = render_to_string("organisations/email/confirm_request_subject.txt", context)
    with get_connection() as connection:
        for user in managers:
            body = render_to_string(
                "organisations/email/confirm_request.txt", {**context, "user": user}
            )
            EmailMultiAlternatives(
                subject=SUBJECT_PREFIX + " ".join(subject.split()),
                body=body,
                to=[user.email],
                connection=connection,
            ).send()
    return len(managers)


def with_managers(queryset):
    """Prefetch owners and admins (with their users) as `manager_memberships`."""
    managers = Membership.objects.filter(role__in=MANAGER_ROLES).select_related("user")
    return queryset.prefetch_related(
        Prefetch("memberships", queryset=managers, to_attr="manager_memberships")
    )


@transaction.atomic
def confirm_listing(organisation, *, by):
    """Record that `by` (an owner or admin) confirmed the listing is current.

    Only `last_confirmed_at` changes (an UPDATE of that column): "last updated" and any edit
    waiting for review are left alone.
    """
    now = timezone.now()
    Organisation.objects.filter(pk=organisation.pk).update(last_confirmed_at=now)
    organisation.last_confirmed_at = now
    log(organisation, LISTING_CONFIRMED, user=by)
    return organisation
