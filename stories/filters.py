"""Filters of /stories/ and /resources/ as GET parameters (shareable)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from clusters.filters import cluster_filter
from listings.filters import QuickSelect, area_filter
from organisations.models import Organisation

from .choices import ResourceType, StoryKind
from .models import Resource, StoryPage


class StoryFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=StoryKind.choices, empty_label=_("All stories"), label=_("Kind"), widget=QuickSelect
    )
    cluster = cluster_filter()
    area = area_filter()
    tag = django_filters.CharFilter(method="filter_tag", label=_("Tag"))
    year = django_filters.NumberFilter(
        field_name="date__year", label=_("Year"), min_value=2000, max_value=2100
    )

    class Meta:
        model = StoryPage
        fields = ["kind", "cluster", "area", "tag", "year"]

    def filter_tag(self, queryset, name, value):
        tag = Tag.objects.filter(slug=value.strip().lower()).first()
        return queryset.filter(tags=tag) if tag else queryset.none()


class ResourceFilterSet(django_filters.FilterSet):
    cluster = cluster_filter()
    type = django_filters.ChoiceFilter(
        field_name="resource_type",
        choices=ResourceType.choices,
        empty_label=_("Any type"),
        label=_("Type"),
        widget=QuickSelect,
    )
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
        fields = ["cluster", "type", "author"]

    def filter_queryset(self, queryset):
        """The library's order: the newest first (moderation.kinds binds it on every request)."""
        return super().filter_queryset(queryset).newest_first()
