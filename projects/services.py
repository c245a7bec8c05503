"""Registering and editing projects, through the same moderation contract as organisations."""

from organisations.services import create_listing, update_listing

from .models import ProjectMembership


def create_project(project, *, by):
    """Register a project built by ProjectForm.save(commit=False).

    Refuses (PermissionDenied) when `by` already has too many submissions waiting. Gives the
    project a unique slug, saves it as a draft in review (or publishes it when `by` is trusted),
    and makes `by` its owner, all in one transaction. `project.live` tells which.
    """
    return create_listing(
        project, by=by, membership_model=ProjectMembership, parent_field="project"
    )


def update_project(project, *, by):
    """Submit an edit of a project; returns "published" or "pending"."""
    return update_listing(project, by=by)
