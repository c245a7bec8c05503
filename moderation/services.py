"""Submitting listings for review and acting on the outcome.

A submission by a trusted person publishes at once (see `publishes_directly` for edits to public
listings). Anyone else's goes into the "Moderation" workflow: a new listing stays a draft
(live=False), and an edit to a published listing is saved as a revision while the live row stays
as it was. Moderators approve or reject in the Wagtail admin; `record_review_outcome` (wired to
Wagtail's workflow signals) tells the listing's managers.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

STAFF_GROUPS = ["Moderators", "Editors"]


def is_staff_member(user):
    """Staff, moderators and editors: they publish anything directly."""
    if user.is_staff or user.is_superuser:
        return True
    return user.groups.filter(name__in=STAFF_GROUPS).exists()


def is_trusted(user):
    """Staff, and people whose earlier submission a moderator approved."""
    return bool(user.trusted_at) or is_staff_member(user)


def publishes_directly(obj, user):
    """Whether `user`'s submission of `obj` skips review.

    Earned trust lets new listings publish at once, but an edit to a listing that is already
    public is reviewed unless staff made it: the live page never changes behind a moderator's
    back (the "approved, then edited into spam" pattern that hit the original platform).
    """
    if obj.live:
        return is_staff_member(user)
    return is_trusted(user)


def pending_submissions_count(user):
    return WorkflowState.objects.filter(
        requested_by=user, status=WorkflowState.STATUS_IN_PROGRESS
    ).count()


def check_pending_cap(user):
    """Refuse a further submission when an untrusted person already has too many waiting."""
    if is_trusted(user):
        return
    if pending_submissions_count(user) >= settings.MODERATION_MAX_PENDING_PER_USER:
        raise PermissionDenied(
            _(
                "You already have %(count)s submissions waiting for review. Please wait until "
                "a moderator has looked at them."
            )
            % {"count": settings.MODERATION_MAX_PENDING_PER_USER}
        )


@transaction.atomic
def submit_for_review(obj, *, by):
    """Save `obj` (new, or an edit bound from a form) as a revision and publish or moderate it.

    New objects are first saved as drafts. For an existing published object only the revision is
    written, so the public page keeps showing the approved version. Returns "published" or
    "pending".
    """
    if obj.pk is None:
        obj.live = False
        obj.save()
    revision = obj.save_revision(user=by, clean=False)
    if publishes_directly(obj, by):
        _cancel_workflow(obj, by)
        # Trust, not a Wagtail publish permission, is what lets a submitter publish.
        revision.publish(user=by, skip_permission_checks=True)
        return "published"
    _restart_workflow(obj, by)
    return "pending"


def _cancel_workflow(obj, user):
    state = obj.current_workflow_state
    if state:
        state.cancel(user=user)


def _restart_workflow(obj, user):
    """Start review afresh so moderators always see the latest revision."""
    state = obj.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return
    _cancel_workflow(obj, user)
    obj.get_workflow().start(obj, user)


def record_review_outcome(workflow_state, *, approved, moderator):
    """After a moderator's decision: trust the submitter on approval, tell the managers."""
    obj = workflow_state.content_object
    if obj is None or not hasattr(obj, "get_review_recipients"):
        return
    submitter = workflow_state.requested_by
    if approved and submitter and not submitter.trusted_at:
        submitter.trusted_at = timezone.now()
        submitter.save(update_fields=["trusted_at"])
    comment = _latest_comment(workflow_state)
    content_type = ContentType.objects.get_for_model(obj)

    from .tasks import send_review_outcome_task

    transaction.on_commit(
        lambda: send_review_outcome_task.delay(
            content_type_id=content_type.pk,
            object_id=obj.pk,
            approved=approved,
            comment=comment,
        )
    )


def _latest_comment(workflow_state):
    task_state = workflow_state.task_states.order_by("-finished_at", "-pk").first()
    return (task_state.comment or "") if task_state else ""
