"""Reads about one person that span the apps above accounts: their listings, requests, reports.

accounts sits at the bottom of the dependency graph, so it reaches organisations and projects
only through reverse relations on the user (`user.memberships`, `user.projectmemberships`, ...),
never by importing them.
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from wagtail.models import WorkflowState

from .choices import ReviewState

OWNER_ROLE = "owner"  # organisations.choices.Role.OWNER (not importable from here)
MANAGER_ROLES = {"owner", "admin"}  # organisations.choices.MANAGER_ROLES
# (reverse relation on the user, the listing field on its membership rows)
MEMBERSHIP_RELATIONS = [("memberships", "organisation"), ("projectmemberships", "project")]


def _memberships(user, relation):
    """The user's membership rows through `relation`, or None when that app is not installed."""
    return getattr(user, relation, None)


def published_memberships(user):
    """For the public profile: {"organisation": [...], "project": [...]} of live listings only."""
    found = {}
    for relation, field in MEMBERSHIP_RELATIONS:
        rows = _memberships(user, relation)
        if rows is None:
            found[field] = []
            continue
        live = rows.filter(**{f"{field}__live": True}).select_related(field)
        found[field] = list(live.order_by(f"{field}__name"))
    return found


@dataclass(frozen=True)
class DashboardEntry:
    listing: object
    role: str
    role_label: str
    can_manage: bool
    state: ReviewState


def review_state(listing):
    """Published, awaiting review (new), changes awaiting review (live + edit), or needs changes."""
    workflow_state = listing.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return ReviewState.NEEDS_CHANGES
    if not listing.live:
        return ReviewState.AWAITING_REVIEW
    if listing.awaiting_review:
        return ReviewState.CHANGES_AWAITING_REVIEW
    return ReviewState.PUBLISHED


def dashboard_listings(user):
    """For the dashboard: {"organisation": [DashboardEntry], "project": [...]}, drafts included.

    Each listing's active workflow state is prefetched (Wagtail reads `_current_workflow_states`),
    so the cost is two queries per kind whatever the number of listings.
    """
    found = {}
    for relation, field in MEMBERSHIP_RELATIONS:
        rows = _memberships(user, relation)
        found[field] = (
            [] if rows is None else [_entry(row, field) for row in _with_review(rows, field)]
        )
    return found


def _with_review(rows, field):
    active_states = WorkflowState.objects.active().select_related("current_task_state__task")
    return (
        rows.select_related(field)
        .prefetch_related(
            Prefetch(
                f"{field}__workflow_states",
                queryset=active_states,
                to_attr="_current_workflow_states",
            )
        )
        .order_by(f"{field}__name")
    )


def _entry(membership, field):
    listing = getattr(membership, field)
    return DashboardEntry(
        listing=listing,
        role=membership.role,
        role_label=membership.get_role_display(),
        can_manage=membership.role in MANAGER_ROLES,
        state=review_state(listing),
    )


def last_owned_listings(user):
    """Listings (live or not) whose only owner is `user`: handed over or deleted before they go."""
    listings = []
    for relation, field in MEMBERSHIP_RELATIONS:
        rows = _memberships(user, relation)
        if rows is None:
            continue
        owners = Count(
            f"{field}__memberships", filter=Q(**{f"{field}__memberships__role": OWNER_ROLE})
        )
        sole = rows.filter(role=OWNER_ROLE).annotate(owners=owners).filter(owners=1)
        listings += [getattr(row, field) for row in sole.select_related(field)]
    return listings


def pending_for(user):
    """Invitations and join requests waiting for `user`: {"invitations": …, "join_requests": …}.

    Invitations go to an e-mail address, not a user, so the organisations app answers this
    (`organisations.membership.pending_for_user`); it is read lazily because accounts sits below
    organisations, and the dashboard shows nothing here until that module exists.
    """
    try:
        from organisations.membership import pending_for_user
    except ImportError:
        return {"invitations": [], "join_requests": []}
    return pending_for_user(user)


def reports_made(user):
    return list(user.reports_made.order_by("-created_at"))
