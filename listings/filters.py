"""Directory filters as GET parameters (shareable URLs): ?q=…&area=…&technology=…&focus=…&country=…

Each kind of listing subclasses `ListingFilterSet` with its model and extra filters.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from taxonomy.models import AreaOfImpact, DSIFocus, Technology


class ListingFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_name", label=_("Name"))
    area = django_filters.ModelChoiceFilter(
        field_name="areas",
        to_field_name="slug",
        queryset=AreaOfImpact.objects.all(),
        label=_("Area of impact"),
        empty_label=_("Any area of impact"),
    )
    technology = django_filters.ModelChoiceFilter(
        field_name="technologies",
        to_field_name="slug",
        queryset=Technology.objects.all(),
        label=_("Technology"),
        empty_label=_("Any technology"),
    )
    focus = django_filters.ModelChoiceFilter(
        field_name="focus",
        to_field_name="slug",
        queryset=DSIFocus.objects.all(),
        label=_("DSI focus"),
        empty_label=_("Any focus"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), empty_label=_("Any country"), choices=[]
    )

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            form.fields["country"].choices = self.countries_in_use()
        return self._form

    def countries_in_use(self):
        """Only countries that have listings here, by name (one query, when the form is built)."""
        codes = (
            self.queryset.prefetch_related(None)
            .exclude(country="")
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )
        return sorted(((code, countries.name(code) or code) for code in codes), key=_by_name)

    def filter_name(self, queryset, name, value):
        return queryset.filter(name__icontains=value.strip())


def _by_name(choice):
    return choice[1].casefold()
