"""Put seeded rows into the search index without re-indexing the rest of the site.

Bulk inserts skip the signals that index single saves, so seeded rows are indexed here. With
Wagtail's PostgreSQL database backend and search fields that are plain text columns (as the
listings' are), one `INSERT … SELECT` per model builds the same index rows in the database as
Wagtail's own indexer (`add_bulk`) would build in Python: 25,000 listings take about 3 s
instead of 25 s. A test pins that the two produce identical rows. Any other backend
(OpenSearch) or search field falls back to `add_bulk` in chunks.
"""

from itertools import islice

from django.contrib.postgres.search import SearchVector
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import F, Func, Value
from django.db.models.functions import Cast, NullIf
from modelsearch.backends.database.postgres.postgres import EMPTY_VECTOR, IndexEntry, PostgresIndex
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, FilterField, SearchField
from modelsearch.utils import ADD, get_content_type_pk
from wagtail.search.backends import get_search_backends

CHUNK_SIZE = 1000
WHITESPACE = " \t\n\r\x0b\x0c"  # the ASCII whitespace str.strip() removes from the texts
ENTRY_COLUMNS = [
    "content_type_id", "object_id", "title", "autocomplete", "body", "title_norm", "title_text",
    "body_text",
]  # fmt: skip


def index_seeded(queryset):
    """Index every row of `queryset` in every search backend."""
    for backend in get_search_backends(with_auto_update=False):
        index = backend.get_index_for_model(queryset.model)
        if isinstance(index, PostgresIndex) and _text_columns_only(queryset.model):
            _insert_select(index, queryset)
        else:
            _add_in_chunks(backend, queryset)


def _add_in_chunks(backend, queryset):
    rows = iter(queryset.order_by("pk").iterator(chunk_size=CHUNK_SIZE))
    while chunk := list(islice(rows, CHUNK_SIZE)):
        backend.add_bulk(queryset.model, chunk)


def _text_columns_only(model):
    """Whether every search field is a text column of the model's own table (no choices)."""
    for field in model.get_search_fields():
        if isinstance(field, FilterField):
            continue
        if not isinstance(field, SearchField | AutocompleteField):
            return False
        column = _model_field(model, field.field_name)
        if not isinstance(column, models.CharField | models.TextField):
            return False
        if column.choices or column.null:  # the indexer writes the label, or "None"
            return False
    return True


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:  # a method or property: only Wagtail's indexer can call it
        return None


def _insert_select(index, queryset):
    """One `INSERT … SELECT … ON CONFLICT` writing what `PostgresIndex.add_items` writes."""
    sql, params = _entry_rows(index.backend, queryset).query.sql_with_params()
    columns = ", ".join(ENTRY_COLUMNS)
    updates = ", ".join(
        f"{name} = EXCLUDED.{name}" for name in ENTRY_COLUMNS[2:] if name != "title_norm"
    )
    with index.write_connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {IndexEntry._meta.db_table} ({columns}) {sql} "
            f"ON CONFLICT (content_type_id, object_id) DO UPDATE SET {updates}, title_norm = 1.0",
            params,
        )
    index._refresh_title_norms()  # what add_items does after its insert


def _entry_rows(backend, queryset):
    """The index entry of each row, as `ObjectIndexer` builds it: weighted tsvectors + texts."""
    fields = queryset.model.get_search_fields()
    searched = [field for field in fields if isinstance(field, SearchField)]
    title = [field for field in searched if field.field_name == "title"]
    body = [field for field in searched if field.field_name != "title"]
    autocomplete = [field for field in fields if isinstance(field, AutocompleteField)]
    return queryset.order_by().values_list(
        Value(get_content_type_pk(queryset.model), output_field=models.IntegerField()),
        Cast("pk", models.TextField()),
        _vector(title, backend.config),
        _vector(autocomplete, backend.autocomplete_config, weight="D"),
        _vector(body, backend.config),
        Value(1.0, output_field=models.FloatField()),
        _plain_text(title),
        _plain_text(body),
    )


def _vector(fields, config, weight=None):
    if not fields:
        return EMPTY_VECTOR
    return ADD(
        [
            SearchVector(
                F(field.field_name), weight=weight or get_weight(field.boost), config=config
            )
            for field in fields
        ]
    )


def _plain_text(fields):
    """The stripped, non-empty values joined by spaces (`concat_ws` skips NULLs)."""
    if not fields:
        return Value("", output_field=models.TextField())
    stripped = [
        NullIf(Func(F(field.field_name), Value(WHITESPACE), function="btrim"), Value(""))
        for field in fields
    ]
    return Func(Value(" "), *stripped, function="concat_ws", output_field=models.TextField())
