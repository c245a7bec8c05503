"""Directory filters as GET parameters (shareable URLs): ?q=…&area=…&area=…&country=…&sort=…

Each kind of listing subclasses `ListingFilterSet` with its model and extra facets; the cheap
widgets and the country and area filters here are shared with the other lists.
"""

import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.facets import FacetedFilterSetMixin, FacetFilter, has_members_filter, sort_filter
from core.search import SearchFilterMixin, search_filter


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


def country_name(code):
    return countries.name(code) or code


def country_facet():
    return FacetFilter("country", label=_("Country"), labels=country_name)


def term_facet(relation, label):
    """A taxonomy vocabulary over a model's `relation`, by slug, labelled with the term's name."""
    return FacetFilter(f"{relation}__slug", label=label, label_lookup=f"{relation}__name")


def area_facet():
    return term_facet("areas", _("Area of impact"))


class ListingFilterSet(SearchFilterMixin, FacetedFilterSetMixin, django_filters.FilterSet):
    """The directory's filter state: words (full text), facets and the order.

    `FilterSet(request.GET, queryset=Model.objects.published()).qs` is what the list, the map,
    the network and the downloads show. A kind adds its own facets.
    """

    q = search_filter()
    sort = sort_filter()
    area = area_facet()
    technology = term_facet("technologies", _("Technology"))
    focus = term_facet("focus", _("DSI focus"))
    country = country_facet()
    city = FacetFilter("city", label=_("City"), label_lookup="city__name", top=10, coerce=int)
    keyword = FacetFilter(
        "keywords__slug", label=_("Keyword"), label_lookup="keywords__name", top=10
    )
    cluster = FacetFilter(
        "areas__cluster__slug", label=_("Cluster"), label_lookup="areas__cluster__title"
    )
    members = has_members_filter()

    sort_orders = {
        "name": ("name", "pk"),
        "newest": ("-first_published_at", "-pk"),
        "updated": ("-last_published_at", "-pk"),
    }
    default_sort = "newest"
