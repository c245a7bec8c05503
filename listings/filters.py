"""Directory filters as GET parameters (shareable URLs): ?q=…&area=…&technology=…&focus=…&country=…

Each kind of listing subclasses `ListingFilterSet` with its model and extra filters.
"""

import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.content_version import cached
from taxonomy.models import AreaOfImpact, DSIFocus, Technology


class QuickSelect(forms.Select):
    """A <select> written in Python: the filter form's long lists (about 90 options) would
    otherwise go through a template per option on every directory page."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(value)} if value not in (None, "") else {""}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((v, " selected" if str(v) in chosen else "", label) for v, label in self.choices),
        )
        attributes = flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name}))
        return format_html("<select{}>{}</select>", attributes, options)


#: The date picker of the lists' "from", "to" and "closes before" filters.
DATE = forms.DateInput(attrs={"type": "date"})


def quick(filter_class, **kwargs):
    """A filter drawn with the cheap QuickSelect."""
    return filter_class(widget=QuickSelect, **kwargs)


def choice_filter(choices, label, empty_label, **kwargs):
    """One of fixed `choices` (TextChoices), drawn with the cheap QuickSelect."""
    return quick(
        django_filters.ChoiceFilter,
        choices=choices,
        label=label,
        empty_label=empty_label,
        **kwargs,
    )


def term_filter(field_name, vocabulary, label, empty_label):
    """A term of a taxonomy `vocabulary` by its slug, over a model's `field_name`."""
    return quick(
        django_filters.ModelChoiceFilter,
        field_name=field_name,
        to_field_name="slug",
        queryset=vocabulary.objects.all(),
        label=label,
        empty_label=empty_label,
    )


def area_filter():
    """ "Area of impact" by slug over a model's `areas`, as every list on the hub offers it."""
    return term_filter("areas", AreaOfImpact, _("Area of impact"), _("Any area of impact"))


class CountriesInUseMixin:
    """For a FilterSet with a `country` filter (`country_filter()`): it offers only the countries
    of the rows it filters (the published ones), by name; kept until the content changes."""

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            form.fields["country"].choices = self.countries_in_use()
        return self._form

    def countries_in_use(self):
        model = self.queryset.model
        return cached(
            "countries-in-use", (model._meta.label, get_language()), self._countries_in_use
        )

    def _countries_in_use(self):
        codes = (
            self.queryset.prefetch_related(None)
            .exclude(country="")
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )
        return sorted(((code, countries.name(code) or code) for code in codes), key=_by_name)


def country_filter():
    """The countries in use (CountriesInUseMixin fills the choices)."""
    return choice_filter([], _("Country"), _("Any country"))


class ListingFilterSet(CountriesInUseMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_name", label=_("Name"))
    area = area_filter()
    technology = term_filter("technologies", Technology, _("Technology"), _("Any technology"))
    focus = term_filter("focus", DSIFocus, _("DSI focus"), _("Any focus"))
    country = country_filter()

    def filter_name(self, queryset, name, value):
        return queryset.filter(name__icontains=value.strip())


def _by_name(choice):
    return choice[1].casefold()
