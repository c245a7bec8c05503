"""Filters of /stories/ and /resources/ as GET parameters (shareable): words (full text,
core.search) and facets with counts (core.facets)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from clusters.filters import cluster_facet
from core.facets import FacetedFilterSetMixin, FacetFilter
from core.search import SearchFilterMixin, search_filter
from listings.filters import QuickSelect, area_facet
from organisations.models import Organisation

from .choices import ResourceType, StoryKind
from .models import Resource, StoryPage


class StoryFilterSet(SearchFilterMixin, FacetedFilterSetMixin, django_filters.FilterSet):
    search_title_field = "title"

    q = search_filter()
    kind = FacetFilter("kind", label=_("Kind"), labels=dict(StoryKind.choices).get)
    cluster = cluster_facet()
    area = area_facet()
    tag = FacetFilter("tags__slug", label=_("Tag"), label_lookup="tags__name", top=10)
    year = FacetFilter("date__year", label=_("Year"), coerce=int)

    class Meta:
        model = StoryPage
        fields = ["q", "kind", "cluster", "area", "tag", "year"]


class ResourceFilterSet(SearchFilterMixin, FacetedFilterSetMixin, django_filters.FilterSet):
    search_title_field = "title"

    q = search_filter()
    cluster = cluster_facet()
    type = FacetFilter("resource_type", label=_("Type"), labels=dict(ResourceType.choices).get)
    # Not a facet: an author organisation's name shows only once the organisation is published.
    author = django_filters.ModelChoiceFilter(
        field_name="author",
        to_field_name="slug",
        queryset=Organisation.objects.published().filter(resources__live=True).distinct(),
        empty_label=_("Any author"),
        label=_("Author organisation"),
        widget=QuickSelect,
    )

    class Meta:
        model = Resource
        fields = ["q", "cluster", "type", "author"]

    def filter_queryset(self, queryset):
        """The library's order: the newest first (moderation.kinds binds it on every request)."""
        return super().filter_queryset(queryset).newest_first()
