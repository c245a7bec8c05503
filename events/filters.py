"""The events list's filters as GET parameters: ?when=past&cluster=…&area=…&country=…&format=…
&free=on&from=…&to=…&q=… (facets: core.facets; q: full text, core.search)."""

import datetime as dt

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.filters import cluster_facet
from core.facets import FacetedFilterSetMixin, FacetFilter
from core.search import SearchFilterMixin, search_filter
from listings.filters import DATE, area_facet, choice_filter, country_facet

from .choices import EventFormat, When


class EventFilterSet(SearchFilterMixin, FacetedFilterSetMixin, django_filters.FilterSet):
    search_title_field = "title"
    when = choice_filter(
        When.choices, _("Upcoming or past"), None, method="filter_when", null_label=None
    )
    q = search_filter()
    cluster = cluster_facet()
    area = area_facet()
    country = country_facet()
    format = FacetFilter("format", label=_("Format"), labels=dict(EventFormat.choices).get)
    free = django_filters.BooleanFilter(
        method="filter_free", label=_("Free only"), widget=forms.CheckboxInput
    )
    date_from = django_filters.DateFilter(method="filter_from", label=_("From"), widget=DATE)
    date_to = django_filters.DateFilter(method="filter_to", label=_("Until"), widget=DATE)

    @property
    def past(self):
        return self.form.is_valid() and self.form.cleaned_data.get("when") == When.PAST

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset if self.past else queryset.upcoming()

    def filter_when(self, queryset, name, value):
        return queryset.past() if value == When.PAST else queryset

    def filter_free(self, queryset, name, value):
        return queryset.filter(is_free=True) if value else queryset

    def filter_from(self, queryset, name, value):
        return queryset.filter(last_end__gte=_midnight(value))

    def filter_to(self, queryset, name, value):
        return queryset.filter(next_start__lt=_midnight(value + dt.timedelta(days=1)))


# "from" and "to" are the shareable names in the address (not Python identifiers).
EventFilterSet.base_filters["from"] = EventFilterSet.base_filters.pop("date_from")
EventFilterSet.base_filters["to"] = EventFilterSet.base_filters.pop("date_to")


def _midnight(day):
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
