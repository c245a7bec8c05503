"""Submitting, editing and refreshing events.

An event goes through moderation like a listing (moderation.services), with the event's own
publishing policy (events.policy). When a submission waits for review, the leads of the chosen
clusters are told by e-mail (written to the outbox in the submission's transaction).
"""

from django.db import transaction
from django.utils import timezone

from accounts.mail import absolute_url, send_email
from core.content_version import bump_content_version
from moderation.services import lock_for_moderation, submit_edit, submit_reviewed

from .models import Event


@transaction.atomic
def create_event(event, *, by, token=None):
    """Submit a new `event` (its form's save(commit=False)); `by` is recorded as its submitter.

    Publishes at once when the policy says so; otherwise the event waits for a moderator and
    the leads of its clusters get an e-mail. Refuses like `submit_new` (pending cap, a form
    posted twice). `event.live` tells which.
    """
    submit_reviewed(event, by=by, token=token)
    if not event.live:
        notify_cluster_leads(event, by=by)
    return event


@transaction.atomic
def update_event(event, *, by):
    """Submit an edited `event`; returns "published" or "pending" (moderation.submit_edit).

    When the edit starts a review (nothing of it was waiting already), the leads of its
    clusters are told, as for a new submission; further edits during the review are not.
    """
    # Under the row lock: a moderator's decision a moment earlier is seen.
    was_waiting = lock_for_moderation(event).workflow_in_progress
    outcome = submit_edit(event, by=by)
    if outcome == "pending" and not was_waiting:
        notify_cluster_leads(event, by=by, edited=True)
    return outcome


def notify_cluster_leads(event, *, by, edited=False):
    """E-mail the leads of `event`'s clusters (not `by`) that it awaits review; returns how many."""
    leads = {}
    for cluster in event.clusters.all():
        for lead in cluster.leads.all():
            if lead.pk != by.pk and lead.email:
                leads.setdefault(lead.pk, (lead, []))[1].append(cluster)
    context = {
        "event": event,
        "event_url": absolute_url(event.get_absolute_url()),
        "submitter": by,
        "edited": edited,
    }
    for lead, clusters in leads.values():
        send_email(
            "events/email/awaiting_review",
            to=lead,
            context={**context, "clusters": clusters, "lead": lead},
        )
    return len(leads)


def refresh_occurrences(*, now=None):
    """Move recurring events whose current occurrence has ended on to their next one.

    Returns how many changed. Cached pages are dropped when any did (bulk updates send no
    signal), so listings show the new dates.
    """
    now = now or timezone.now()
    due = Event.objects.exclude(recurrence="").filter(next_start__lt=now, last_end__gte=now)
    changed = [event for event in due.iterator() if event.refresh_occurrences(now)]
    Event.objects.bulk_update(changed, ["next_start", "last_end"], batch_size=500)
    if changed:
        transaction.on_commit(bump_content_version, robust=True)
    return len(changed)
