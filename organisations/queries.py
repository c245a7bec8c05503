"""Reads for the organisation pages that span several models, each in a fixed number of queries."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from .models import Membership, Organisation, OrganisationKeyword


def listing_prefetches(keyword_model, membership_model):
    """What every listing page shows besides the row: vocabularies, links, keywords, members."""
    return [
        "areas",
        "technologies",
        "focus",
        "links",
        Prefetch(
            "tagged_keywords",
            queryset=keyword_model.objects.select_related("tag").order_by("tag__name"),
        ),
        Prefetch(
            "memberships",
            queryset=membership_model.objects.select_related("user").order_by("joined_at", "pk"),
        ),
    ]


def organisation_for_page(slug):
    """An organisation (any review state) with its page's relations, or 404.

    Linked projects are only the published ones; `organisation.projects.all()` is preloaded.
    """
    project_model = Organisation._meta.get_field("projects").related_model
    queryset = Organisation.objects.select_related("city", "organisation_type", "size")
    queryset = queryset.prefetch_related(
        *listing_prefetches(OrganisationKeyword, Membership),
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
