"""The cluster filter that the events, funding, stories and resource lists share."""

from django.utils.translation import gettext_lazy as _

from core.facets import FacetFilter


def cluster_facet(relation="clusters"):
    """ "Cluster" (several: any of them) by slug over a model's `relation`, with counts."""
    return FacetFilter(f"{relation}__slug", label=_("Cluster"), label_lookup=f"{relation}__title")
