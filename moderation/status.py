"""Where a moderated object stands with the moderators, as its owners see it (reads only)."""

from wagtail.models import WorkflowState

from .choices import ReviewState


def review_state(obj):
    """Published, awaiting review (new), changes awaiting review (live + edit), or needs changes.

    Reads `obj.current_workflow_state`; prefetch the active states (see `with_active_workflow`)
    to keep a list of objects at a fixed number of queries.
    """
    workflow_state = obj.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return ReviewState.NEEDS_CHANGES
    if not obj.live:
        return ReviewState.AWAITING_REVIEW
    if obj.workflow_in_progress:
        return ReviewState.CHANGES_AWAITING_REVIEW
    return ReviewState.PUBLISHED


def review_status(obj):
    """What the owners see on the object's page and edit form: state and moderator's comment."""
    state = obj.current_workflow_state
    status = state.status if state else ""
    comment = ""
    if status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.task_states.order_by("-finished_at", "-pk").first()
        comment = task_state.comment if task_state else ""
    return {
        "live": obj.live,
        "in_review": status == WorkflowState.STATUS_IN_PROGRESS,
        "needs_changes": status == WorkflowState.STATUS_NEEDS_CHANGES,
        "changes_pending": obj.live and obj.has_unpublished_changes,
        "comment": comment,
    }


def active_workflow_states():
    """The queryset to prefetch as `_current_workflow_states` (what Wagtail's mixin reads)."""
    return WorkflowState.objects.active().select_related("current_task_state__task")
