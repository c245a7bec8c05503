"""Submitting and editing funding calls, saving them, and reminding savers of deadlines."""

import datetime as dt
import logging

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.mail import absolute_url, send_email
from moderation.services import submit_edit, submit_new

from .choices import REMINDER_THRESHOLDS
from .models import FundingCall, ReminderSent, SavedCall

logger = logging.getLogger(__name__)


@transaction.atomic
def create_call(call, *, by, token=None):
    """Submit a new call built by its form; published at once or put in review (the call's
    publishing policy decides). `by` is recorded as its submitter."""
    call.submitted_by = by
    submit_new(call, by=by, slug_from=call.title, token=token)
    return call


def update_call(call, *, by):
    """Submit an edited call (a form applied to its latest revision); returns "published" or
    "pending" (moderation.services.submit_edit: locked, applied onto the row as it is now)."""
    return submit_edit(call, by=by)


# Saved calls -------------------------------------------------------------------------------


def save_call(call, *, user):
    """Keep `call` on `user`'s list; saving twice (or in two tabs at once) keeps one row."""
    try:
        _, created = SavedCall.objects.get_or_create(user=user, call=call)
    except IntegrityError:  # the same save committed between our SELECT and INSERT
        created = False
    return created


def unsave_call(call, *, user):
    deleted, _ = SavedCall.objects.filter(user=user, call=call).delete()
    return bool(deleted)


# Deadline reminders ------------------------------------------------------------------------


def threshold_for(days_left):
    """The reminder due for a call closing in `days_left` days: the smallest threshold not yet
    passed (14 from two weeks before, 3 from three days before), or None."""
    if days_left is None or days_left < 0:
        return None
    due = [threshold for threshold in REMINDER_THRESHOLDS if days_left <= threshold]
    return min(due) if due else None


def users_with_due_reminders(today=None):
    """Ids of people who saved a published call closing within the largest threshold."""
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=max(REMINDER_THRESHOLDS))
    return list(
        SavedCall.objects.filter(
            call__live=True, call__closes_on__gte=today, call__closes_on__lte=horizon
        )
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )


@transaction.atomic
def send_reminders_to(user_id, *, today=None):
    """E-mail one person every deadline reminder due today, in one message; returns how many
    calls it lists (0: nothing due, or they already had a reminder e-mail today).

    The person's row is locked first, so two runs at the same moment (beat firing twice, a
    redelivered task) take turns: the second sees the first's ReminderSent rows and sends
    nothing. The rows and the queued e-mail (the outbox) commit together.
    """
    today = today or timezone.localdate()
    user = get_user_model().objects.select_for_update().filter(pk=user_id, is_active=True).first()
    if user is None or ReminderSent.objects.filter(user=user, sent_on=today).exists():
        return 0
    due = _due_reminders(user, today)
    if not due:
        return 0
    ReminderSent.objects.bulk_create(
        [
            ReminderSent(user=user, call=call, threshold=threshold, sent_on=today)
            for call, threshold in due
        ]
    )
    send_email(
        "funding/email/deadline_reminder",
        to=user,
        context={
            "reminders": [_reminder(call, today) for call, _threshold in due],
            "saved_url": absolute_url(reverse("funding:saved")),
        },
    )
    return len(due)


def _due_reminders(user, today):
    horizon = today + dt.timedelta(days=max(REMINDER_THRESHOLDS))
    saved = (
        FundingCall.objects.published()
        .filter(saves__user=user, closes_on__gte=today, closes_on__lte=horizon)
        .by_deadline()
    )
    sent = set(
        ReminderSent.objects.filter(user=user, call__in=saved).values_list("call_id", "threshold")
    )
    due = []
    for call in saved:
        threshold = threshold_for(call.days_left(today))
        if threshold is not None and (call.pk, threshold) not in sent:
            due.append((call, threshold))
    return due


def _reminder(call, today):
    return {
        "title": call.title,
        "funder": call.funder_name,
        "closes_on": call.closes_on,
        "days_left": call.days_left(today),
        "url": absolute_url(call.get_absolute_url()),
    }


def send_deadline_reminders(*, today=None):
    """Send today's reminders to everyone who has some; returns the number of e-mails."""
    sent = 0
    for user_id in users_with_due_reminders(today):
        if send_reminders_to(user_id, today=today):
            sent += 1
    return sent
