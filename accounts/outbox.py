"""The outbox: every e-mail the hub sends is a database row first, sent by Celery afterwards.

`EMAIL_BACKEND` is django-post-office's backend (`OutboxBackend`, which first makes each
subject one plain line), so `EmailMessage.send()` — from our services, allauth (address
confirmations, password resets) and Wagtail (moderator notifications) alike — writes a
post_office `Email` row in the caller's transaction instead of talking to a mail
server. `send_due_messages` (Celery: kicked right after the commit, and every minute by beat)
claims due rows one at a time with SELECT … FOR UPDATE SKIP LOCKED, hands each to the real backend
(`EMAIL_DELIVERY_BACKEND`, from `EMAIL_URL`: SMTP, an anymail ESP or files) and records the
outcome, so two workers never send the same row.

A temporary failure (connection refused, timeout, a 4xx answer) schedules the next attempt with
exponential back-off: 1, 2, 4 … minutes, then hourly, up to `EMAIL_OUTBOX_MAX_ATTEMPTS` attempts
(the default outlasts an outage of a day and a half). A permanent refusal (a 5xx answer) marks
the row failed at once. So does a message the mail library refuses to build (a header with a
line break: Django's BadHeaderError), which no retry can mend; the admins (`ADMINS`) are told
by an e-mail of a fixed text, itself never reported again, so a bad message cannot start a
loop. Operators see queued, requeued and failed rows in the Django admin (post_office's
"Emails", with the error log of each) and resend with its "Requeue" action.

Why post_office and our own sender loop: post_office gives the outbox table, the backend that
catches every Django mail and the admin; its own sender serialises workers with a file lock on
one machine and retries at a fixed interval, so claiming rows and back-off are done here.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from post_office.backends import EmailBackend as PostOfficeBackend
from post_office.models import STATUS, Email, Log

from core.text import one_line

from .mail import SUBJECT_PREFIX, absolute_url, render_text

logger = logging.getLogger(__name__)

# Marks the outbox's own report about a broken message, which is never reported in turn.
REPORT_HEADER = "X-DSI-Hub-Outbox-Report"

FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=1)


class OutboxBackend(PostOfficeBackend):
    """`EMAIL_BACKEND`: post_office's (each message becomes an outbox row), with every subject
    made one line of plain text first, whoever wrote it (Wagtail's notifications and allauth's
    messages pass here, not through accounts.mail): a name with a line break or a
    right-to-left override in it never reaches a Subject header. Every message is marked as
    written by a program (RFC 3834 `Auto-Submitted`), so vacation responders do not answer."""

    def send_messages(self, email_messages):
        for message in email_messages or []:
            message.subject = " ".join(one_line(str(message.subject)).split())
            message.extra_headers.setdefault("Auto-Submitted", "auto-generated")
        return super().send_messages(email_messages)


def due_messages(now=None):
    """Queued or requeued rows whose time has come, oldest first."""
    now = now or timezone.now()
    return Email.objects.filter(
        Q(scheduled_time__isnull=True) | Q(scheduled_time__lte=now),
        Q(expires_at__isnull=True) | Q(expires_at__gt=now),
        status__in=[STATUS.queued, STATUS.requeued],
    ).order_by("scheduled_time", "created", "pk")


def send_due_messages(*, limit=500):
    """Send up to `limit` due messages; returns {"sent": n, "retrying": n, "failed": n}.

    Stops early when the mail server cannot be reached at all: the rest stay due and the next
    run (within a minute) tries again.
    """
    counts = {"sent": 0, "retrying": 0, "failed": 0}
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND)
    try:
        for _ in range(limit):
            outcome = _send_next(connection)
            if outcome is None:
                break
            counts[outcome] += 1
            if outcome == "retrying" and _server_unreachable(connection):
                break
    finally:
        _close(connection)
    return counts


def _send_next(connection):
    """Claim, send and record one due message in its own transaction; None when none is due."""
    with transaction.atomic():
        email = due_messages().select_for_update(skip_locked=True).first()
        if email is None:
            return None
        try:
            message = email.prepare_email_message()
            message.message()  # built here, before any server is involved: see _record_malformed
        except ValueError as error:  # BadHeaderError is one; so is a header email refuses
            return _record_malformed(email, error)
        try:
            connection.send_messages([message])
        except Exception as error:  # noqa: BLE001 - any backend error is recorded on the row
            return _record_failure(email, error, connection)
        email.status = STATUS.sent
        email.save(update_fields=["status", "last_updated"])
        return "sent"


def _record_failure(email, error, connection):
    attempts = (email.number_of_retries or 0) + 1
    email.number_of_retries = attempts
    permanent = is_permanent(error)
    if permanent or attempts >= settings.EMAIL_OUTBOX_MAX_ATTEMPTS:
        email.status = STATUS.failed
        outcome = "failed"
    else:
        email.status = STATUS.requeued
        email.scheduled_time = timezone.now() + retry_delay(attempts)
        outcome = "retrying"
    email.save(update_fields=["status", "number_of_retries", "scheduled_time", "last_updated"])
    Log.objects.create(
        email=email,
        status=STATUS.failed,
        message=str(error)[:1000],
        exception_type=type(error).__name__,
    )
    connection.unreachable = isinstance(error, OSError | smtplib.SMTPServerDisconnected)
    logger.warning(
        "E-mail %s to %s: attempt %s %s: %r", email.pk, email.to, attempts, outcome, error
    )
    _close(connection)
    return outcome


def _record_malformed(email, error):
    """A message that cannot be built fails the same way every time: fail it now, tell the
    admins (unless it is such a report itself)."""
    email.number_of_retries = (email.number_of_retries or 0) + 1
    email.status = STATUS.failed
    email.save(update_fields=["status", "number_of_retries", "last_updated"])
    Log.objects.create(
        email=email,
        status=STATUS.failed,
        message=str(error)[:1000],
        exception_type=type(error).__name__,
    )
    logger.error(
        "E-mail %s to %s cannot be built and is marked failed: %r", email.pk, email.to, error
    )
    if REPORT_HEADER not in (email.headers or {}):
        try:
            with transaction.atomic():  # a report that cannot be queued must not undo the above
                _report_to_admins(email, error)
        except Exception:  # noqa: BLE001 - logged; the failed row is what matters
            logger.exception("Could not queue the admins' report about e-mail %s", email.pk)
    return "failed"


def _report_to_admins(email, error):
    """Queue a note to `ADMINS` (in this transaction) about `email`, which could not be built.

    Its subject and headers are fixed text, never the broken message's: the report must be
    buildable even when the broken value is in the subject.
    """
    recipients = [address for _name, address in settings.ADMINS]
    if not recipients:
        return
    body = render_text(
        "accounts/email/outbox_malformed.txt",
        {
            "email": email,
            "error": f"{type(error).__name__}: {error}",
            "admin_url": absolute_url(reverse("admin:post_office_email_change", args=[email.pk])),
        },
    )
    EmailMessage(
        subject=f"{SUBJECT_PREFIX}An e-mail could not be sent and will not be retried",
        body=body,
        from_email=settings.SERVER_EMAIL,
        to=recipients,
        headers={REPORT_HEADER: "malformed"},
    ).send()


def retry_delay(attempts):
    """How long to wait after the `attempts`-th failed attempt: 1, 2, 4 … minutes, then hourly."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_WAIT)


def is_permanent(error):
    """A refusal that will not change by trying again: a 5xx answer, all recipients refused."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return type(error).__name__ == "AnymailRecipientsRefused"


def _server_unreachable(connection):
    return getattr(connection, "unreachable", False)


def _close(connection):
    try:
        connection.close()
    except Exception:  # noqa: BLE001 - closing a broken connection must not hide the outcome
        logger.debug("Closing the mail connection failed", exc_info=True)
