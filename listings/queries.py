"""Reads for listing pages that span several models, each in a fixed number of queries."""

from django.db.models import Prefetch

from .kinds import related_model


def page_prefetches(listing_model):
    """What every listing page shows besides the row: vocabularies, links, keywords, members."""
    keyword_model = related_model(listing_model, "tagged_keywords")
    membership_model = related_model(listing_model, "memberships")
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
