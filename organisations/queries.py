"""Reads for the organisation pages that span several models, each in a fixed number of queries."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from listings.queries import page_prefetches

from .models import Organisation


def organisation_for_page(slug):
    """An organisation (any review state) with its page's relations, or 404.

    Linked projects are only the published ones; `organisation.projects.all()` is preloaded.
    """
    project_model = Organisation._meta.get_field("projects").related_model
    queryset = Organisation.objects.select_related("city", "organisation_type", "size")
    queryset = queryset.prefetch_related(
        *page_prefetches(Organisation),
        "networks",
        Prefetch("projects", queryset=project_model.objects.published().order_by("name")),
    )
    return get_object_or_404(queryset, slug=slug)


def partner_organisations(organisation):
    """Published organisations that share a published project with `organisation`."""
    return (
        Organisation.objects.published()
        .filter(projects__organisations=organisation, projects__live=True)
        .exclude(pk=organisation.pk)
        .distinct()
        .order_by("name")
    )
