"""Full-text search of a list through Wagtail search, as a django-filter filter.

The configured backend answers (`WAGTAILSEARCH_BACKENDS`: PostgreSQL full-text search with the
database backend on PostgreSQL, SQLite FTS on the embedded default, OpenSearch when configured),
over the model's `search_fields`. Only published rows are searched (`live=True`, a FilterField of
every searchable kind). The ranked primary keys of one query are read once per content version
(`cached`), so the list, its facets and its total share one search; rows whose title contains
the words come first, in the backend's relevance order within each group.
"""

import django_filters
from django.db import transaction
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend

from .content_version import cached

#: The best this many matches of a query are listed (and counted).
SEARCH_LIMIT = 1000


def ranked_ids(model, query, *, title_field, limit=SEARCH_LIMIT):
    """The primary keys of the published `model` rows matching `query`, best first."""
    parts = (model._meta.label, query.casefold(), title_field, get_language())
    return cached("search-ids", parts, lambda: _search(model, query, title_field, limit))


def _search(model, query, title_field, limit):
    published = model._default_manager.filter(live=True)
    hits = get_search_backend().search(query, published, order_by_relevance=True)[:limit]
    words = query.casefold()
    rows = [(obj.pk, words in (getattr(obj, title_field) or "").casefold()) for obj in hits]
    return [pk for pk, in_title in sorted(rows, key=lambda row: not row[1])]


def in_rank_order(queryset, ids):
    """`queryset` ordered as `ids` (a search's ranking)."""
    if not ids:
        return queryset
    rank = Case(
        *[When(pk=pk, then=Value(i)) for i, pk in enumerate(ids)],
        default=Value(len(ids)),
        output_field=IntegerField(),
    )
    return queryset.order_by(rank, "pk")


class SearchFilterMixin:
    """For a FilterSet: `q` searches (declare `q = search_filter()`), and `ranking` keeps the
    order of the matches for a relevance sort. `search_title_field` names the title column."""

    search_title_field = "name"

    def filter_search(self, queryset, name, value):
        words = " ".join(value.split())
        if not words:
            return queryset
        self.ranking = ranked_ids(queryset.model, words, title_field=self.search_title_field)
        return queryset.filter(pk__in=self.ranking)

    @property
    def searching(self):
        return self.is_valid() and bool((self.form.cleaned_data.get("q") or "").strip())

    def relevance_order(self, queryset):
        return in_rank_order(queryset, getattr(self, "ranking", []))


def search_filter(label=None):
    """The text filter: words searched through Wagtail search (see `SearchFilterMixin`)."""
    return django_filters.CharFilter(
        method="filter_search", label=label or _("Search"), max_length=200
    )


def reindex_after_commit(sender, instance, raw=False, **kwargs):
    """A post_save receiver for models whose search fields include rows saved after the model
    itself (modelcluster's keywords and relations are written after post_save): index the row
    again once the transaction has committed, once per row and transaction."""
    if raw:
        return
    label, pk = sender._meta.label, instance.pk
    pending = _pending_reindex()
    if (label, pk) in pending:
        return
    pending.add((label, pk))
    transaction.on_commit(lambda: _reindex(sender, pk))


def _pending_reindex():
    connection = transaction.get_connection()
    if not hasattr(connection, "search_reindex_pending"):
        connection.search_reindex_pending = set()
    return connection.search_reindex_pending


def _reindex(model, pk):
    from modelsearch import index

    _pending_reindex().discard((model._meta.label, pk))
    row = model._default_manager.filter(pk=pk).first()
    if row is not None:
        index.insert_or_update_object(row)
