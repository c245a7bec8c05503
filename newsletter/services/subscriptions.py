"""Subscribing, confirming, changing preferences and leaving: each change leaves a consent record.

Nothing here tells the caller whether an address was already subscribed: `subscribe` answers
the same way for a new, pending, active or suppressed address, so the form cannot be used to
find out who reads the newsletter. The public form goes through `request_subscription`, which
only queues `subscribe`: the request does the same work, in the same time, for every address.
"""

import logging
from datetime import timedelta
from email.utils import parseaddr
from functools import partial

from django.conf import settings
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from accounts.mail import Recipient, absolute_url, send_email
from accounts.verification import has_verified_email

from ..choices import ConsentAction, SubscriberStatus
from ..models import ConsentRecord, Subscriber
from ..tokens import make_token

# Bump when the sign-up wording (templates/newsletter/components/consent.html) changes.
CONSENT_WORDING_VERSION = "2026-11"
CONFIRMATION_RESEND_AFTER = timedelta(hours=1)
UNCONFIRMED_KEPT_FOR = timedelta(days=30)

logger = logging.getLogger(__name__)


def normalise_address(value):
    """'Ada Lovelace <Ada@Example.ORG>' → 'ada@example.org'; ValidationError when it is none."""
    address = parseaddr(value or "")[1].strip().lower()
    validate_email(address)
    return address


def request_subscription(email, *, language, ip_address=None, preferences=None):
    """The public sign-up form: queue `subscribe` after the commit (newsletter.subscribe).

    What `subscribe` does depends on the address's state (an insert for a new one, nothing for
    an active one), and so does its time: answering before it runs keeps the answer's timing from
    telling who subscribes. With the broker down it runs here instead, so no request is lost.
    """
    options = {"language": language, "ip_address": ip_address, "preferences": preferences}
    transaction.on_commit(partial(_queue_subscribe, email, **options), robust=True)


def _queue_subscribe(email, **options):
    from ..tasks import subscribe_task

    try:
        subscribe_task.delay(email=email, **options)
    except Exception:  # noqa: BLE001 - the broker being down must not lose the sign-up
        logger.warning("Could not queue a newsletter sign-up; doing it now", exc_info=True)
        subscribe(email, **options)


def subscribe(email, *, language, ip_address=None, preferences=None, user=None):
    """Ask to subscribe `email`: a pending subscriber and a confirmation e-mail.

    Idempotent and silent about what existed: a pending address gets its confirmation again (at
    most once an hour); an unsubscribed or bounced one becomes pending again (clicking the link
    proves mail arrives again); an active one changes nothing; one that complained is left alone
    (anyone may post this form, and a message it did not ask for could be marked as spam again).
    """
    address = normalise_address(email)
    with transaction.atomic():
        subscriber, created = _lock_or_create(address, language=language, user=user)
        if subscriber.is_active or subscriber.status == SubscriberStatus.COMPLAINED:
            return subscriber
        if subscriber.status in (SubscriberStatus.UNSUBSCRIBED, SubscriberStatus.BOUNCED):
            subscriber.status = SubscriberStatus.PENDING
        if preferences:  # an unconfirmed address: its owner confirms the latest request
            _apply_preferences(subscriber, preferences)
        record_consent(subscriber, ConsentAction.SUBSCRIBE, ip_address=ip_address)
        _send_confirmation_if_due(subscriber)
        subscriber.save()
    return subscriber


def subscribe_account(user, *, ip_address=None):
    """One click for a signed-in person: their account's address, confirmed at once when the
    account has verified it, else by the same confirmation e-mail as anyone else."""
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    if not has_verified_email(user):
        return subscribe(user.email, language=language, ip_address=ip_address, user=user)
    with transaction.atomic():
        subscriber, _created = _lock_or_create(
            normalise_address(user.email), language=language, user=user
        )
        if subscriber.is_suppressed or subscriber.is_active:
            return subscriber
        record_consent(subscriber, ConsentAction.SUBSCRIBE, ip_address=ip_address)
        _activate(subscriber, ip_address=ip_address)
    return subscriber


@transaction.atomic
def confirm(subscriber, *, ip_address=None):
    """The address is proved: the subscriber is active (once; later clicks change nothing)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == SubscriberStatus.PENDING:
        _activate(subscriber, ip_address=ip_address)
    return subscriber


@transaction.atomic
def update_preferences(subscriber, preferences, *, ip_address=None):
    """Save the preference centre's choices (a dict of Subscriber fields and `clusters`)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    _apply_preferences(subscriber, preferences)
    if not subscriber.wants_newsletter and not subscriber.wants_digest and subscriber.is_active:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
    subscriber.save()
    record_consent(subscriber, ConsentAction.PREFERENCES, ip_address=ip_address)
    return subscriber


@transaction.atomic
def unsubscribe(subscriber, *, ip_address=None):
    """Stop everything to this address at once; queued messages to it are skipped."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status in (SubscriberStatus.ACTIVE, SubscriberStatus.PENDING):
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
        record_consent(subscriber, ConsentAction.UNSUBSCRIBE, ip_address=ip_address)
    return subscriber


@transaction.atomic
def resubscribe(subscriber, *, ip_address=None):
    """From the preference centre: the address was confirmed before, so no new e-mail. Someone
    who left by unticking everything gets the monthly newsletter back."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == SubscriberStatus.UNSUBSCRIBED and subscriber.confirmed_at:
        subscriber.status = SubscriberStatus.ACTIVE
        subscriber.unsubscribed_at = None
        if not subscriber.wants_newsletter and not subscriber.wants_digest:
            subscriber.wants_newsletter = True
        subscriber.save(update_fields=["status", "unsubscribed_at", "wants_newsletter"])
        record_consent(subscriber, ConsentAction.SUBSCRIBE, ip_address=ip_address)
    return subscriber


def delete_subscriber(subscriber):
    """Forget the address: the subscriber, its consent records, bounces and deliveries."""
    subscriber.delete()


def purge_unconfirmed(now=None):
    """Delete addresses nobody confirmed within 30 days; returns how many."""
    moment = (now or timezone.now()) - UNCONFIRMED_KEPT_FOR
    _total, per_model = Subscriber.objects.unconfirmed_since(moment).delete()
    return per_model.get(Subscriber._meta.label, 0)


def record_consent(subscriber, action, *, ip_address=None):
    return ConsentRecord.objects.create(
        subscriber=subscriber,
        action=action,
        ip_address=ip_address,
        wording_version=CONSENT_WORDING_VERSION,
        preferences=preferences_snapshot(subscriber),
    )


def preferences_snapshot(subscriber):
    clusters = sorted(subscriber.clusters.values_list("slug", flat=True)) if subscriber.pk else []
    return {
        "status": subscriber.status,
        "language": subscriber.language,
        "monthly_newsletter": subscriber.wants_newsletter,
        "event_digest": subscriber.wants_digest,
        "clusters": clusters,
        "countries": [country.code for country in subscriber.countries],
    }


def preferences_url(subscriber):
    return _signed_link(subscriber, "preferences")


def unsubscribe_url(subscriber):
    return _signed_link(subscriber, "unsubscribe")


def _signed_link(subscriber, purpose):
    """The absolute link for `purpose` with the subscriber's token, in their language (the URL
    prefix: sent from a worker, it would otherwise be the site's default language)."""
    with translation.override(subscriber.language):
        path = reverse(f"newsletter:{purpose}", args=[make_token(subscriber, purpose)])
    return absolute_url(path)


def _lock_or_create(address, *, language, user):
    """The subscriber row for `address`, locked; created pending when missing (race-safe).
    With `user`, the row becomes that account's subscription."""
    if user is not None:
        # The account's earlier address keeps its own subscription, no longer the account's.
        Subscriber.objects.filter(user=user).exclude(email=address).update(user=None)
    try:
        with transaction.atomic():
            subscriber = Subscriber.objects.create(email=address, language=language, user=user)
        return subscriber, True
    except IntegrityError:
        subscriber = Subscriber.objects.select_for_update().get(email=address)
        if user is not None and subscriber.user_id is None:
            subscriber.user = user
            subscriber.save(update_fields=["user"])
        return subscriber, False


def _activate(subscriber, *, ip_address):
    subscriber.status = SubscriberStatus.ACTIVE
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save()
    record_consent(subscriber, ConsentAction.CONFIRM, ip_address=ip_address)
    send_email(
        "newsletter/email/welcome",
        to=_recipient(subscriber),
        context={"preferences_url": preferences_url(subscriber)},
    )


def _send_confirmation_if_due(subscriber):
    now = timezone.now()
    last = subscriber.confirmation_sent_at
    if last and now - last < CONFIRMATION_RESEND_AFTER:
        return
    subscriber.confirmation_sent_at = now
    confirm_url = _signed_link(subscriber, "confirm")
    send_email(
        "newsletter/email/confirm",
        to=_recipient(subscriber),
        context={"confirm_url": confirm_url, "days": 7},
    )


def _apply_preferences(subscriber, preferences):
    for field in ("language", "wants_newsletter", "wants_digest", "countries"):
        if field in preferences:
            setattr(subscriber, field, preferences[field])
    if "clusters" in preferences:
        if subscriber.pk is None:
            subscriber.save()
        subscriber.clusters.set(preferences["clusters"])


def _recipient(subscriber):
    return Recipient(address=subscriber.email, language=subscriber.language)
