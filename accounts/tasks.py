import logging

from celery import shared_task
from django.core import management

from . import outbox

logger = logging.getLogger(__name__)


@shared_task(name="accounts.clear_expired_sessions")
def clear_expired_sessions_task():
    management.call_command("clearsessions")


@shared_task(name="accounts.send_due_messages")
def send_due_messages_task():
    """Send what is due in the outbox (kicked after each commit that queues mail, and by beat)."""
    return outbox.send_due_messages()


def kick_outbox(sender=None, **kwargs):
    """post_office's `email_queued` signal: send right after the commit, not a minute later.

    Queuing the task must never fail the request that wrote the e-mail: with the broker down the
    rows simply wait for beat's next run once it is back.
    """
    from django.db import transaction

    transaction.on_commit(_enqueue_send, robust=True)


def _enqueue_send():
    try:
        send_due_messages_task.delay()
    except Exception:  # noqa: BLE001 - the broker being down must not fail the request
        logger.warning("Could not queue the outbox task; beat will send the mail", exc_info=True)
