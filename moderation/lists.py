"""Filtered lists kept in the cache until the content changes: the directory, events, funding,
stories and resources read their totals, pages of rows and filter forms through here."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language

from core.content_version import cached


class CachedPaginator(Paginator):
    """A paginator that reads a filtered list once per content version: the total once per
    filter (`key`), and each page's rows once per filter and page number.

    `key` must name everything the list depends on (model, language, filter values). The day
    is part of a page's key, for lists that depend on the date (upcoming events, open calls);
    within a day the cache's expiry bounds how long an event that has just ended stays listed,
    as with the page cache.
    """

    def __init__(self, *args, key, **kwargs):
        super().__init__(*args, **kwargs)
        self.key = key

    @cached_property
    def count(self):
        return cached("directory-count", self.key, self._count_rows)

    def _count_rows(self):
        return Paginator.count.func(self)

    def page(self, number):
        page = super().page(number)
        day = timezone.localdate().isoformat()
        parts = (*self.key, page.number, self.per_page, day)
        page.object_list = cached("list-page", parts, lambda: list(page.object_list))
        return page


def filter_key(filterset, request):
    """What a filtered list's cached parts are kept under: the model, the language and the
    filter's own parameters with their values (not the page number, not junk)."""
    names = [*sorted(filterset.form.fields), "more"]  # "more": a facet shows all its values
    values = tuple((name, tuple(v for v in request.GET.getlist(name) if v)) for name in names)
    return (filterset.queryset.model._meta.label, get_language(), values)


def cached_filter_form(
    filterset, key, list_url, template_name="components/listing_filter_form.html"
):
    """The filter form rendered once per `key` (see `filter_key`), address and content version:
    its selects are most of a list page's rendering time."""
    return cached(
        "filter-form",
        (*key, list_url),
        lambda: render_to_string(template_name, filter_form_context(filterset, key, list_url)),
    )


def filter_form_context(filterset, key, list_url):
    """What the filter form shows: the form, and for a faceted FilterSet (core.facets) each
    facet's values with their counts, the number of chosen values and the current query."""
    context = {"filterset": filterset, "list_url": list_url}
    if hasattr(filterset, "facets"):
        context.update(
            facets=filterset.facets(),
            active_count=filterset.active_count(),
            query=QueryDict(urlencode([(n, v) for n, vs in key[2] for v in vs], doseq=True)),
        )
    return context


def canonical_query(filterset, request):
    """The list's address parameters in one order (names, then values, sorted; empty ones and
    junk left out), so that every order of the same filters has one canonical address."""
    names = sorted(filterset.form.fields)
    pairs = [
        (name, value) for name in names for value in sorted(request.GET.getlist(name)) if value
    ]
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        pairs.append(("page", page))
    return urlencode(pairs)


class CachedFilterListMixin:
    """For a list view with a FilterSet in `self.filterset`: what stays the same until the
    content changes is kept in the cache.

    The total and each page of rows are read once per filter values and content version
    (`CachedPaginator`), and the filter form is rendered once per filter values, language and
    content version (`cached_filter_form`). Used by the directory, events, funding and resources.
    """

    paginator_class = CachedPaginator
    filter_form_template = "components/listing_filter_form.html"

    def filter_key(self):
        return filter_key(self.filterset, self.request)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return self.paginator_class(
            queryset, per_page, orphans=orphans, key=self.filter_key(), **kwargs
        )

    def canonical_url(self):
        query = canonical_query(self.filterset, self.request)
        return self.request.build_absolute_uri(self.request.path + (f"?{query}" if query else ""))

    def filter_form_html(self):
        key, path = self.filter_key(), self.request.path
        return cached_filter_form(self.filterset, key, path, self.filter_form_template)
