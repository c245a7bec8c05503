"""The bulk sending pipeline: claim a chunk of queued deliveries, send them over one
connection, record each outcome.

A chunk claims its rows with SELECT … FOR UPDATE SKIP LOCKED and stamps `claimed_at`, so
workers never share a row. After each accepted message its row is marked sent at once: a
worker killed mid-chunk leaves the rest queued with an old `claimed_at`, and any later chunk
takes them again once the claim is stale (older than a task may live). A refused connection or
a temporary SMTP answer puts the message back with exponential back-off; a permanent answer
(5xx for the recipient) marks it failed.
"""

import contextlib
import logging
import smtplib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.content_version import bump_content_version

from ..choices import DeliveryKind, DeliveryStatus, IssueStatus
from ..models import Delivery, NewsletterIssue
from ..throttle import RateLimiter

logger = logging.getLogger(__name__)

TRANSIENT, PERMANENT, CONNECTION = "transient", "permanent", "connection"


def claim_timeout():
    """A claim older than this belongs to a dead worker: no chunk task lives longer."""
    return timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)


@dataclass(frozen=True)
class Scope:
    """Which deliveries a chunk works on: one issue, or one digest week."""

    kind: str
    issue_id: int | None = None
    period: object = None

    def deliveries(self):
        rows = Delivery.objects.filter(kind=self.kind)
        if self.kind == DeliveryKind.ISSUE:
            return rows.filter(issue_id=self.issue_id)
        return rows.filter(period=self.period)

    def as_task_kwargs(self):
        if self.kind == DeliveryKind.ISSUE:
            return {"kind": self.kind, "issue_id": self.issue_id}
        return {"kind": self.kind, "period": self.period.isoformat()}


def claim_chunk(scope, *, size=None, now=None):
    """Claim up to `size` due deliveries of `scope` for this worker; returns their pks."""
    now = now or timezone.now()
    size = size or settings.NEWSLETTER_CHUNK_SIZE
    with transaction.atomic():
        pks = list(
            scope.deliveries()
            .due(now, stale_before=now - claim_timeout())
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:size]
        )
        Delivery.objects.filter(pk__in=pks).update(claimed_at=now)
    return pks


def send_chunk(scope, pks, *, messages):
    """Send the claimed deliveries `pks`; `messages(subscriber)` builds (message, message_id)
    or None when there is nothing for that subscriber. Returns {outcome: count}."""
    counts = {"sent": 0, "retrying": 0, "failed": 0, "skipped": 0}
    deliveries = (
        Delivery.objects.filter(pk__in=pks, status=DeliveryStatus.QUEUED)
        .select_related("subscriber")
        .prefetch_related("subscriber__clusters")
        .order_by("pk")
    )
    limiter = RateLimiter()
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    remaining = list(deliveries)
    try:
        _commit_without_waiting_for_disk()
        connection.open()
        while remaining:
            delivery = remaining.pop(0)
            outcome = _send_one(delivery, scope, connection, limiter, messages)
            counts[outcome] += 1
    except Exception as error:  # noqa: BLE001 - the server is unreachable; everything waits
        logger.warning("Newsletter chunk stopped: %s", error)
        counts["retrying"] += _retry_later([delivery.pk for delivery in remaining], error)
    finally:
        _close(connection)
        _commit_waiting_for_disk()
    return counts


def _commit_without_waiting_for_disk():
    """Each sent row is committed at once (a killed worker must not send it again), but need
    not wait for PostgreSQL to flush its log to disk: about 4 ms a message on a busy machine.
    Commits stay immediate and visible to every worker; only a crash of PostgreSQL itself
    could lose the last fraction of a second of "sent" marks, and those few messages would be
    sent twice."""
    if db_connection.vendor == "postgresql":
        with db_connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO off")


def _commit_waiting_for_disk():
    if db_connection.vendor == "postgresql":
        with contextlib.suppress(Exception), db_connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def _send_one(delivery, scope, connection, limiter, messages):
    subscriber = delivery.subscriber
    built = messages(subscriber) if _still_wanted(subscriber, scope) else None
    if built is None:
        _record(delivery.pk, status=DeliveryStatus.SKIPPED, error="no longer subscribed")
        return "skipped"
    message, message_id = built
    limiter.wait()
    try:
        connection.send_messages([message])
    except Exception as error:
        kind = classify(error)
        if kind == CONNECTION:
            _retry_later([delivery.pk], error)
            raise
        if kind == PERMANENT or delivery.attempts + 1 >= settings.NEWSLETTER_MAX_ATTEMPTS:
            _record(delivery.pk, status=DeliveryStatus.FAILED, error=str(error), attempt=True)
            return "failed"
        _retry_later([delivery.pk], error)
        return "retrying"
    _record(
        delivery.pk,
        status=DeliveryStatus.SENT,
        sent_at=timezone.now(),
        message_id=message_id.strip("<>"),
        error="",
        attempt=True,
    )
    return "sent"


def _still_wanted(subscriber, scope):
    if not subscriber.is_active:
        return False
    if scope.kind == DeliveryKind.ISSUE:
        return subscriber.wants_newsletter
    return subscriber.wants_digest


def classify(error):
    """TRANSIENT, PERMANENT or CONNECTION (the server itself is unreachable: stop the chunk)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return PERMANENT if codes and all(code >= 500 for code in codes) else TRANSIENT
    if isinstance(error, smtplib.SMTPSenderRefused | smtplib.SMTPServerDisconnected):
        return CONNECTION
    if isinstance(error, smtplib.SMTPResponseException):
        return PERMANENT if error.smtp_code >= 500 else TRANSIENT
    if isinstance(error, OSError | smtplib.SMTPConnectError):
        return CONNECTION
    if type(error).__name__ == "AnymailRecipientsRefused":
        return PERMANENT
    return TRANSIENT


def backoff(attempts):
    """1, 2, 4 … times the base, at most an hour."""
    base = settings.NEWSLETTER_RETRY_BASE_SECONDS
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 3600))


def _retry_later(pks, error):
    """Put `pks` back in the queue with one more attempt and their back-off."""
    if not pks:
        return 0
    now = timezone.now()
    for delivery in Delivery.objects.filter(pk__in=pks, status=DeliveryStatus.QUEUED):
        attempts = delivery.attempts + 1
        status = (
            DeliveryStatus.FAILED
            if attempts >= settings.NEWSLETTER_MAX_ATTEMPTS
            else DeliveryStatus.QUEUED
        )
        Delivery.objects.filter(pk=delivery.pk).update(
            attempts=attempts,
            status=status,
            next_attempt_at=now + backoff(attempts),
            claimed_at=None,
            error=str(error)[:1000],
        )
    return len(pks)


def _record(pk, *, attempt=False, **fields):
    if attempt:
        fields["attempts"] = F("attempts") + 1
    Delivery.objects.filter(pk=pk).update(claimed_at=None, **fields)


def _close(connection):
    # Closing a broken connection may fail too; it is gone either way.
    with contextlib.suppress(Exception):
        connection.close()


def finish_sent_issues(now=None, *, issue_ids=None):
    """Issues (all sending ones, or those of `issue_ids`) whose every delivery has an outcome
    become "sent"; returns them."""
    finished = []
    sending = NewsletterIssue.objects.filter(status=IssueStatus.SENDING)
    if issue_ids is not None:
        sending = sending.filter(pk__in=issue_ids)
    for issue in sending:
        if not issue.deliveries.queued().exists():
            updated = NewsletterIssue.objects.filter(
                pk=issue.pk, status=IssueStatus.SENDING
            ).update(status=IssueStatus.SENT, sent_at=now or timezone.now())
            if updated:
                finished.append(issue)
    if finished:
        bump_content_version()  # the public archive lists it now
    return finished
