"""Reads for the project pages that span several models, each in a fixed number of queries."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from listings.queries import page_prefetches
from organisations.models import Organisation

from .models import Project


def project_for_page(slug):
    """A project (any review state) with its page's relations, or 404.

    Linked organisations are only the published ones; `project.organisations.all()` is preloaded.
    """
    queryset = Project.objects.select_related("city").prefetch_related(
        *page_prefetches(Project),
        Prefetch("organisations", queryset=Organisation.objects.published().order_by("name")),
    )
    return get_object_or_404(queryset, slug=slug)
