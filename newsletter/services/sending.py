"""The bulk sending pipeline: claim a chunk of queued deliveries, send them over one
connection, record each outcome.

A chunk claims its rows with SELECT … FOR UPDATE SKIP LOCKED and stamps `claimed_at`: a lease
of `NEWSLETTER_CLAIM_LEASE_SECONDS` that a heartbeat thread renews while the chunk works, so
workers never share a row. After each accepted message its row is marked sent by one UPDATE,
committed at once. A worker killed mid-chunk stops renewing: its rows stay queued, and any
chunk takes them again once the lease has run out (within the lease, not minutes). The one
message that can go out twice is the one the server accepted in the instant before the worker
died, before that UPDATE: it goes out again with the same Message-ID (at-least-once delivery).
A refused connection or a temporary SMTP answer puts the message back with exponential
back-off; a permanent answer (5xx for the recipient) marks it failed.
"""

import contextlib
import logging
import smtplib
import threading
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import DatabaseError, transaction
from django.db import connection as db_connection
from django.db.models import F, Min
from django.utils import timezone

from core.content_version import bump_content_version

from ..choices import DeliveryKind, DeliveryStatus, IssueStatus
from ..models import Delivery, NewsletterIssue
from ..throttle import RateLimiter

logger = logging.getLogger(__name__)

TRANSIENT, PERMANENT, CONNECTION = "transient", "permanent", "connection"


def lease_length():
    """A claim not renewed for this long belongs to a dead worker (a live chunk renews it a
    few times within it)."""
    return timedelta(seconds=settings.NEWSLETTER_CLAIM_LEASE_SECONDS)


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
            .due(now, stale_before=now - lease_length())
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
    lease = Lease(pks)
    try:
        _commit_without_waiting_for_disk()
        lease.start()
        connection.open()
        while remaining:
            if not lease.held():
                logger.warning("Newsletter chunk lost its lease; %s left", len(remaining))
                break
            delivery = remaining.pop(0)
            outcome = _send_one(delivery, scope, connection, limiter, messages)
            counts[outcome] += 1
    except Exception as error:  # noqa: BLE001 - the server is unreachable; everything waits
        logger.warning("Newsletter chunk stopped: %s", error)
        counts["retrying"] += _retry_later([delivery.pk for delivery in remaining], error)
    finally:
        lease.stop()
        _close(connection)
        _commit_waiting_for_disk()
    return counts


class Lease:
    """Renews the claim on a chunk's still-queued rows every third of the lease, from a thread
    of its own (with its own database connection), so a slow SMTP answer or the rate limit
    never lets a live chunk's rows pass for a dead worker's.

    `held()` turns false when renewing has failed for two thirds of the lease (the database is
    unreachable): the chunk then stops before another worker may take its rows, instead of
    sending them alongside it.
    """

    def __init__(self, pks):
        self.pks = list(pks)
        self.seconds = settings.NEWSLETTER_CLAIM_LEASE_SECONDS
        self._renewed = time.monotonic()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsletter-lease", daemon=True)

    def start(self):
        self._thread.start()

    def stop(self):
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join()

    def held(self):
        return time.monotonic() - self._renewed < self.seconds * 2 / 3

    def _run(self):
        from django.db import connections

        try:
            while not self._stopped.wait(self.seconds / 3):
                self._renew()
        finally:
            connections.close_all()  # this thread's connections only

    def _renew(self):
        started = time.monotonic()
        try:
            renew_claims(self.pks)
        except DatabaseError:
            logger.warning("Could not renew a newsletter chunk's lease", exc_info=True)
        else:
            self._renewed = started


def renew_claims(pks, now=None):
    """Stamp the claim on those of `pks` still queued and claimed (sent, failed or retried
    rows have dropped their claim)."""
    return Delivery.objects.filter(
        pk__in=pks, status=DeliveryStatus.QUEUED, claimed_at__isnull=False
    ).update(claimed_at=now or timezone.now())


def seconds_until_a_lease_ends(scope, now=None):
    """Seconds until the first live claim on `scope`'s queued rows runs out, or None when no
    row is claimed: a chunk that found nothing to claim comes back then, and takes the rows of
    a worker that died meanwhile."""
    now = now or timezone.now()
    oldest = (
        scope.deliveries()
        .queued()
        .filter(claimed_at__gte=now - lease_length())
        .aggregate(oldest=Min("claimed_at"))["oldest"]
    )
    if oldest is None:
        return None
    return max((oldest + lease_length() - now).total_seconds(), 0) + 1


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
