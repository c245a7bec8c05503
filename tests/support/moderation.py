"""Playing the people on both sides of moderation: the submitter and the moderator.

`submit` sends a listing to review as its create or edit form does (the service, not a shortcut);
`decide` is a moderator's answer through Wagtail's workflow API, as the admin's buttons give it.
"""

from moderation.services import submit_for_review


def submit(listing, *, by, **changes):
    """Apply `changes` to `listing` and submit it for review by `by`, as the listing's form does.

    For someone untrusted, a draft (`pending=True`) then awaits review and an edit to a published
    listing is kept as a revision while the live row stays as it was.
    """
    for name, value in changes.items():
        setattr(listing, name, value)
    submit_for_review(listing, by=by)
    listing.refresh_from_db()
    return listing


def decide(listing, moderator, action, comment=""):
    """A moderator's "approve" or "reject" on the listing's current workflow task."""
    task_state = listing.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, action, comment=comment)
    listing.refresh_from_db()
