"""Bounces and complaints from the e-mail provider (anymail's tracking webhooks).

anymail verifies the webhook's signature (or its basic-auth secret) before our receiver runs,
and normalises every provider's events. A hard bounce or a complaint stops all mail to the
address at once; soft bounces are counted and three within 30 days stop it too.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..choices import BounceKind, ConsentAction, DeliveryStatus, SubscriberStatus
from ..models import Bounce, Delivery, Subscriber
from .subscriptions import normalise_address, record_consent

SOFT_BOUNCE_LIMIT = 3
SOFT_BOUNCE_WINDOW = timedelta(days=30)

KIND_OF_EVENT = {
    "bounced": BounceKind.HARD,
    "rejected": BounceKind.HARD,
    "complained": BounceKind.COMPLAINT,
    "deferred": BounceKind.SOFT,
    "failed": BounceKind.SOFT,
}


def record_tracking_event(event):
    """Handle one anymail AnymailTrackingEvent; returns the Bounce or None when irrelevant."""
    kind = KIND_OF_EVENT.get(event.event_type)
    if kind is None or not event.recipient:
        return None
    return record_bounce(
        event.recipient,
        kind=kind,
        event_id=event.event_id or "",
        message_id=event.message_id or "",
        description=event.description or event.mta_response or "",
        at=event.timestamp,
    )


def record_bounce(address, *, kind, event_id="", message_id="", description="", at=None):
    try:
        address = normalise_address(address)
    except Exception:  # noqa: BLE001 - a provider's odd recipient is not our subscriber
        return None
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=address).first()
        if subscriber is None:
            return None
        try:
            with transaction.atomic():
                bounce = Bounce.objects.create(
                    subscriber=subscriber,
                    kind=kind,
                    event_id=event_id,
                    description=description[:2000],
                    at=at or timezone.now(),
                )
        except IntegrityError:
            return None  # the provider re-sent an event we have
        if message_id and kind != BounceKind.SOFT:
            Delivery.objects.filter(message_id=message_id.strip("<>")).update(
                status=DeliveryStatus.BOUNCED
            )
        _suppress_if_needed(subscriber, kind)
    return bounce


def _suppress_if_needed(subscriber, kind):
    if kind == BounceKind.SOFT:
        # Bounces before the latest confirmation are history: the address worked again since.
        since = max(filter(None, [timezone.now() - SOFT_BOUNCE_WINDOW, subscriber.confirmed_at]))
        recent = subscriber.bounces.filter(kind=BounceKind.SOFT, at__gte=since).count()
        if recent < SOFT_BOUNCE_LIMIT:
            return
    status = (
        SubscriberStatus.COMPLAINED if kind == BounceKind.COMPLAINT else SubscriberStatus.BOUNCED
    )
    if subscriber.status != status:
        subscriber.status = status
        subscriber.save(update_fields=["status"])
        action = ConsentAction.COMPLAINT if kind == BounceKind.COMPLAINT else ConsentAction.BOUNCE
        record_consent(subscriber, action)
