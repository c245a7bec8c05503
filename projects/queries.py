"""Reads for the project pages that span several models, each in a fixed number of queries."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from organisations.models import Organisation
from organisations.queries import listing_prefetches

from .models import Project, ProjectKeyword, ProjectMembership


def project_for_page(slug):
    """A project (any review state) with its page's relations, or 404.

    Linked organisations are only the published ones; `project.organisations.all()` is preloaded.
    """
    queryset = Project.objects.select_related("city").prefetch_related(
        *listing_prefetches(ProjectKeyword, ProjectMembership),
        Prefetch("organisations", queryset=Organisation.objects.published().order_by("name")),
    )
    return get_object_or_404(queryset, slug=slug)
