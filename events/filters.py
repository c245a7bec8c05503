"""The events list's filters as GET parameters: ?when=past&cluster=…&area=…&country=…&format=…
&free=on&from=…&to=…&q=… (the cheap widgets of listings.filters)."""

import datetime as dt

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from clusters.filters import cluster_filter
from core.content_version import cached
from listings.filters import QuickSelect, area_filter

from .choices import EventFormat, When
from .models import Event


def _quick(filter_class, **kwargs):
    return filter_class(widget=QuickSelect, **kwargs)


class EventFilterSet(django_filters.FilterSet):
    when = _quick(
        django_filters.ChoiceFilter,
        choices=When.choices,
        method="filter_when",
        label=_("Upcoming or past"),
        empty_label=None,
        null_label=None,
    )
    q = django_filters.CharFilter(method="filter_text", label=_("Text"))
    cluster = cluster_filter()
    area = area_filter()
    country = _quick(
        django_filters.ChoiceFilter, label=_("Country"), empty_label=_("Any country"), choices=[]
    )
    format = _quick(
        django_filters.ChoiceFilter,
        choices=EventFormat.choices,
        label=_("Format"),
        empty_label=_("Any format"),
    )
    free = django_filters.BooleanFilter(
        method="filter_free", label=_("Free only"), widget=forms.CheckboxInput
    )
    date_from = django_filters.DateFilter(
        method="filter_from",
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        method="filter_to", label=_("Until"), widget=forms.DateInput(attrs={"type": "date"})
    )

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            form.fields["country"].choices = countries_in_use()
        return self._form

    @property
    def past(self):
        return self.form.is_valid() and self.form.cleaned_data.get("when") == When.PAST

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset if self.past else queryset.upcoming()

    def filter_when(self, queryset, name, value):
        return queryset.past() if value == When.PAST else queryset

    def filter_text(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value))

    def filter_free(self, queryset, name, value):
        return queryset.filter(is_free=True) if value else queryset

    def filter_from(self, queryset, name, value):
        return queryset.filter(last_end__gte=_midnight(value))

    def filter_to(self, queryset, name, value):
        return queryset.filter(next_start__lt=_midnight(value + dt.timedelta(days=1)))


def countries_in_use():
    """Countries that have published events, by name; kept until the content changes."""
    return cached("event-countries", (get_language(),), _countries_in_use)


def _countries_in_use():
    codes = (
        Event.objects.published()
        .exclude(country="")
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )
    named = ((code, countries.name(code) or code) for code in codes)
    return sorted(named, key=lambda choice: choice[1].casefold())


# "from" and "to" are the shareable names in the address (not Python identifiers).
EventFilterSet.base_filters["from"] = EventFilterSet.base_filters.pop("date_from")
EventFilterSet.base_filters["to"] = EventFilterSet.base_filters.pop("date_to")


def _midnight(day):
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
