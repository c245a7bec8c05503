"""/funding/ filters as GET parameters (shareable): status, type, audience, country, cluster,
area, closes before, minimum amount, words (full text, core.search). Type, cluster and area are
facets with counts (core.facets); long lists use listings' cheap <select> widget."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from clusters.filters import cluster_facet
from core.facets import FacetedFilterSetMixin, FacetFilter
from core.search import SearchFilterMixin, search_filter
from listings.filters import DATE, area_facet, choice_filter

from .choices import Audience, CallStatus, FundingType
from .models import FundingCall

FILTER_PARAMETERS = (
    "q",
    "status",
    "type",
    "audience",
    "country",
    "cluster",
    "area",
    "closes_before",
    "min_amount",
)


class FundingCallFilterSet(SearchFilterMixin, FacetedFilterSetMixin, django_filters.FilterSet):
    search_title_field = "title"

    q = search_filter()
    status = choice_filter(CallStatus.choices, _("Show"), None, method="filter_status")
    type = FacetFilter("call_type", label=_("Type"), labels=dict(FundingType.choices).get)
    audience = choice_filter(
        Audience.choices, _("Who can apply"), _("Anyone"), method="filter_audience"
    )
    country = choice_filter(
        list(countries), _("Open to applicants from"), _("Any country"), method="filter_country"
    )
    cluster = cluster_facet()
    area = area_facet()
    closes_before = django_filters.DateFilter(
        field_name="closes_on",
        lookup_expr="lte",
        label=_("Closes on or before"),
        widget=DATE,
    )
    min_amount = django_filters.NumberFilter(
        method="filter_min_amount",
        label=_("At least this amount"),
        min_value=0,
        max_value=10**15,
        widget=forms.NumberInput(attrs={"min": 0, "step": 1}),
    )

    @property
    def showing_closed(self):
        return self.form.is_valid() and self.form.cleaned_data.get("status") == CallStatus.CLOSED

    def filter_queryset(self, queryset):
        """Open calls, closing soonest first (rolling last), or the archive, latest first."""
        queryset = super().filter_queryset(queryset)
        if self.showing_closed:
            return queryset.closed().by_latest_deadline()
        return queryset.open().by_deadline()

    def filter_status(self, queryset, name, value):
        return queryset  # filter_queryset chooses open or closed calls (and their order)

    def filter_audience(self, queryset, name, value):
        return queryset.filter(audiences__contains=value)

    def filter_country(self, queryset, name, value):
        return queryset.eligible_in(value)

    def filter_min_amount(self, queryset, name, value):
        """Calls that may give at least `value`: their largest (or only) amount reaches it."""
        return queryset.filter(
            Q(amount_max__gte=value) | Q(amount_max__isnull=True, amount_min__gte=value)
        )

    class Meta:
        model = FundingCall
        fields = list(FILTER_PARAMETERS)
