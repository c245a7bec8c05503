"""From an issue or a digest week to queued deliveries, and from queued deliveries to chunk tasks.

`dispatch_due` runs every minute (beat): it starts scheduled issues whose time has come, marks
finished ones sent, and restarts sending wherever due deliveries wait with nobody working on
them (after an SMTP outage's back-off, or when a worker died). Sending runs as a few parallel
chains of chunk tasks: each chunk claims its rows, enqueues its successor, then sends.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from ..choices import DeliveryKind, DeliveryStatus, IssueStatus
from ..models import Delivery, NewsletterIssue, Subscriber
from ..sections import DigestContent, digest_week
from .sending import Scope, finish_sent_issues, lease_length, seconds_until_a_lease_ends

logger = logging.getLogger(__name__)

# A scope whose rows nobody claimed for this long has no live chain: start new ones.
IDLE_AFTER = timedelta(seconds=60)


class IssueNotEditable(Exception):
    """The issue is already sending or sent."""


class IssueEmpty(Exception):
    """The issue has no sections: there is nothing to send."""


def _refuse_empty(issue):
    if not issue.sections:
        raise IssueEmpty(issue.pk)


@transaction.atomic
def schedule_issue(issue, *, send_at):
    """Refused (IssueEmpty) for an issue without sections: it would go to everyone blank."""
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    if not issue.is_editable:
        raise IssueNotEditable(issue.status)
    _refuse_empty(issue)
    issue.status, issue.send_at = IssueStatus.SCHEDULED, send_at
    issue.save(update_fields=["status", "send_at"])
    return issue


@transaction.atomic
def unschedule_issue(issue):
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    if issue.status == IssueStatus.SCHEDULED:
        issue.status = IssueStatus.DRAFT
        issue.save(update_fields=["status"])
    return issue


def send_issue_now(issue):
    schedule_issue(issue, send_at=timezone.now())
    return start_issue(issue)


@transaction.atomic
def start_issue(issue, now=None):
    """Queue one delivery per subscriber who wants the newsletter, in one INSERT … SELECT, and
    start sending. A second call adds nothing (one delivery per issue and subscriber). A
    scheduled issue whose sections were emptied since is refused (IssueEmpty)."""
    now = now or timezone.now()
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    if issue.status not in (IssueStatus.SCHEDULED, IssueStatus.SENDING):
        raise IssueNotEditable(issue.status)
    if issue.status == IssueStatus.SCHEDULED:
        _refuse_empty(issue)
    queued = queue_issue_deliveries(issue, now)
    if issue.status == IssueStatus.SCHEDULED:
        issue.status, issue.sending_started_at = IssueStatus.SENDING, now
        issue.save(update_fields=["status", "sending_started_at"])
    scope = Scope(DeliveryKind.ISSUE, issue_id=issue.pk)
    transaction.on_commit(lambda: start_chains(scope), robust=True)
    logger.info("Newsletter issue %s: %s deliveries queued", issue.pk, queued)
    return queued


def queue_issue_deliveries(issue, now):
    delivery, subscriber = Delivery._meta.db_table, Subscriber._meta.db_table
    sql = f"""
        INSERT INTO {delivery}
            (kind, issue_id, subscriber_id, status, attempts, next_attempt_at, message_id, error)
        SELECT %s, %s, s.id, %s, 0, %s, '', ''
        FROM {subscriber} s
        WHERE s.status = 'active' AND s.wants_newsletter
        ON CONFLICT DO NOTHING
    """  # noqa: S608 - table names come from model metadata, values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [DeliveryKind.ISSUE, issue.pk, DeliveryStatus.QUEUED, now])
        return cursor.rowcount


def queue_digest(now=None):
    """Queue this week's digest for each subscriber with events to show; returns how many.
    Run twice in one week, the second run adds nothing."""
    now = now or timezone.now()
    period = digest_week(now)
    content = DigestContent(now)
    if not content.event_candidates:
        return 0
    clusters = _clusters_by_subscriber()
    rows = [
        Delivery(kind=DeliveryKind.DIGEST, period=period, subscriber_id=pk, next_attempt_at=now)
        for pk, countries in Subscriber.objects.wanting_digest().values_list("pk", "countries")
        if content.match(clusters.get(pk, ()), _codes(countries))[0]
    ]
    Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=5000)
    transaction.on_commit(
        lambda: start_chains(Scope(DeliveryKind.DIGEST, period=period)), robust=True
    )
    return len(rows)


def _clusters_by_subscriber():
    through = Subscriber.clusters.through
    clusters = {}
    for subscriber_id, cluster_id in through.objects.values_list("subscriber_id", "cluster_id"):
        clusters.setdefault(subscriber_id, set()).add(cluster_id)
    return clusters


def _codes(countries):
    if isinstance(countries, str):
        return [code for code in countries.split(",") if code]
    return [getattr(country, "code", country) for country in countries or ()]


def start_chains(scope, count=None):
    """Enqueue `count` chunk tasks for `scope`; each enqueues its successor while work remains."""
    from ..tasks import send_chunk_task

    try:
        for _chain in range(count or settings.NEWSLETTER_PARALLEL_CHUNKS):
            send_chunk_task.delay(**scope.as_task_kwargs())
    except Exception:  # noqa: BLE001 - broker down: beat's next dispatch_due starts them
        logger.warning("Could not queue newsletter chunks; the next dispatch will", exc_info=True)


def check_back_when_leases_end(scope, now=None):
    """A chunk that found nothing to claim while other chunks hold rows of `scope` queues one
    chunk task for the moment the first of those leases runs out: if its worker died, that task
    takes the rows over, with no beat involved. A live chunk renews its lease, so the check
    repeats every lease while it works. Returns the delay in seconds, or None."""
    from ..tasks import send_chunk_task

    if send_chunk_task.app.conf.task_always_eager:
        return None  # tasks run inline (the embedded default): no later, and no dead worker
    delay = seconds_until_a_lease_ends(scope, now)
    if delay is None:
        return None
    try:
        send_chunk_task.apply_async(kwargs=scope.as_task_kwargs(), countdown=delay)
    except Exception:  # noqa: BLE001 - broker down: beat's next dispatch_due revives sending
        logger.warning("Could not queue a newsletter chunk; the next dispatch will", exc_info=True)
    return delay


def resume_sending(now=None):
    """When a worker starts: chains for every scope with due deliveries. After a crash that
    took every worker (and the chunk tasks they held) down, this is what restarts sending at
    once, rather than beat's revival or Redis handing the tasks back after an hour. Extra
    chains find nothing to claim and end."""
    now = now or timezone.now()
    resumed = [
        scope
        for scope in _sending_scopes()
        if scope.deliveries().queued().filter(next_attempt_at__lte=now).exists()
    ]
    for scope in resumed:
        start_chains(scope)
    return len(resumed)


def dispatch_due(now=None):
    """Beat, every minute: start due issues, finish sent ones, revive idle sending."""
    now = now or timezone.now()
    started = 0
    for issue in NewsletterIssue.objects.filter(status=IssueStatus.SCHEDULED, send_at__lte=now):
        try:
            start_issue(issue, now)
        except IssueEmpty:
            unschedule_issue(issue)
            logger.warning("Newsletter issue %s has no sections: back to draft, not sent", issue.pk)
            continue
        started += 1
    finish_sent_issues(now)
    revived = [scope for scope in _sending_scopes() if _idle_with_work(scope, now)]
    for scope in revived:
        start_chains(scope)
    return {"started": started, "revived": len(revived)}


def _sending_scopes():
    for pk in NewsletterIssue.objects.filter(status=IssueStatus.SENDING).values_list(
        "pk", flat=True
    ):
        yield Scope(DeliveryKind.ISSUE, issue_id=pk)
    periods = (
        Delivery.objects.queued()
        .filter(kind=DeliveryKind.DIGEST)
        .values_list("period", flat=True)
        .distinct()
    )
    for period in periods:
        yield Scope(DeliveryKind.DIGEST, period=period)


def _idle_with_work(scope, now):
    rows = scope.deliveries().queued()
    if rows.filter(claimed_at__gte=now - IDLE_AFTER).exists():
        return False
    return rows.due(now, stale_before=now - lease_length()).exists()
