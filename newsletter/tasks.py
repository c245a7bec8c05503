import logging
from datetime import date

from celery import shared_task
from celery.signals import worker_ready
from django.core.exceptions import ValidationError

from .choices import DeliveryKind
from .models import NewsletterIssue
from .rendering import IssueMessages
from .services import dispatch, drafts, sending, subscriptions
from .services.digest import DigestMessages

logger = logging.getLogger(__name__)


@shared_task(name="newsletter.dispatch_due_issues")
def dispatch_due_issues_task():
    """Every minute: start scheduled issues, finish sent ones, resume stalled sending."""
    return dispatch.dispatch_due()


@shared_task(name="newsletter.send_chunk", acks_late=True, reject_on_worker_lost=True)
def send_chunk_task(*, kind, issue_id=None, period=None):
    """Claim one chunk of `kind`'s queued deliveries, queue the next chunk, send this one.

    acks_late + reject_on_worker_lost: a worker process that dies mid-chunk hands the task back
    to the broker, and the task run again takes the rows once their lease has run out."""
    scope = sending.Scope(
        kind, issue_id=issue_id, period=date.fromisoformat(period) if period else None
    )
    messages = _messages_for(scope)
    if messages is None:
        return {"claimed": 0}
    pks = sending.claim_chunk(scope)
    if not pks:
        if (delay := dispatch.check_back_when_leases_end(scope)) is not None:
            return {"claimed": 0, "check_back_in": delay}
        sending.finish_sent_issues()
        return {"claimed": 0}
    dispatch.start_chains(scope, count=1)
    counts = sending.send_chunk(scope, pks, messages=messages)
    if scope.kind == DeliveryKind.ISSUE:
        # the chunk sending the last rows is the one to see nothing queued afterwards
        sending.finish_sent_issues(issue_ids=[scope.issue_id])
    return counts


def _messages_for(scope):
    if scope.kind == DeliveryKind.DIGEST:
        return DigestMessages(scope.period).message_for
    issue = NewsletterIssue.objects.filter(pk=scope.issue_id).first()
    if issue is None:
        logger.info("Newsletter issue %s is gone; nothing to send", scope.issue_id)
        return None
    return _issue_messages(issue).message_for


# One rendering per issue and language in each worker process, not per chunk: a sending issue
# cannot be edited any more. Keyed by when sending started, so a test database reusing a pk
# never sees another issue's rendering.
_RENDERED_ISSUES = {}


def _issue_messages(issue):
    key = (issue.pk, issue.sending_started_at)
    if key not in _RENDERED_ISSUES:
        _RENDERED_ISSUES.clear()
        _RENDERED_ISSUES[key] = IssueMessages(issue)
    return _RENDERED_ISSUES[key]


@shared_task(name="newsletter.resume_sending")
def resume_sending_task():
    return dispatch.resume_sending()


@worker_ready.connect
def _resume_sending_when_a_worker_starts(**_kwargs):
    """A worker that starts (after a crash, a deploy) resumes any sending that stalled."""
    try:
        resume_sending_task.delay()
    except Exception:  # noqa: BLE001 - broker down: beat's dispatch_due revives sending
        logger.warning("Could not queue newsletter.resume_sending", exc_info=True)


@shared_task(name="newsletter.queue_weekly_digest")
def queue_weekly_digest_task():
    return dispatch.queue_digest()


@shared_task(name="newsletter.create_next_issue")
def create_next_issue_task():
    issue = drafts.create_next_issue()
    return issue.pk if issue else None


@shared_task(name="newsletter.subscribe")
def subscribe_task(*, email, language, ip_address=None, preferences=None):
    """A sign-up from the public form, after its answer (services.subscriptions)."""
    try:
        subscriptions.subscribe(
            email, language=language, ip_address=ip_address, preferences=preferences
        )
    except ValidationError:
        logger.info("Newsletter sign-up for an address that is none; ignored")


@shared_task(name="newsletter.purge_unconfirmed")
def purge_unconfirmed_task():
    return subscriptions.purge_unconfirmed()
