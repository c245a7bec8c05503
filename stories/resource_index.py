"""Search indexing of imported resources, a batch at a time.

On the PostgreSQL database backend (the default without a search cluster) the entries of a
batch are written with one INSERT whose vectors PostgreSQL computes: the backend's own
`add_bulk` builds a Django expression per object and field and spent 60 % of a 100,000-row
import compiling them. The rows written are the same as the backend's (a test compares them);
any other backend (OpenSearch, Elasticsearch, SQLite) gets its own `add_bulk`.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresSearchBackend
from modelsearch.backends.database.postgres.weights import get_weight
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from .models import Resource


def index_resources(resources):
    """Add `resources` (saved, of one batch) to every search backend that updates on save.

    On PostgreSQL the new entries' title norms (relative title lengths, for ranking) are set by
    `refresh_title_norms` once the whole import is done: the backend recomputes them with a
    pass over the whole index, which after every batch made a large import quadratic.
    """
    for backend in get_search_backends(with_auto_update=True):
        if isinstance(backend, PostgresSearchBackend) and _only_text_fields():
            _add_on_postgres(backend, resources)
        else:
            backend.add_bulk(Resource, resources)


def _only_text_fields():
    """Whether Resource's index is plain SearchFields and filters (what this module writes)."""
    return all(
        isinstance(f, index.SearchField | index.FilterField) for f in Resource.get_search_fields()
    )


def _text_fields():
    """(attribute, weight) of the title and of the body fields, as the backend weighs them."""
    fields = [f for f in Resource.get_search_fields() if isinstance(f, index.SearchField)]
    title = [(f.field_name, get_weight(f.boost)) for f in fields if f.field_name == "title"]
    body = [(f.field_name, get_weight(f.boost)) for f in fields if f.field_name != "title"]
    return title, body


def _vector(values, config):
    """SQL and parameters of the backend's vector for `values` [(text, weight)]."""
    values = [(text, weight) for text, weight in values if text]
    if not values:
        return "''::tsvector", []
    config_sql = "%s::regconfig, " if config else ""
    parts, params = [], []
    for text, weight in values:
        parts.append(f"setweight(to_tsvector({config_sql}%s), %s)")
        params += ([config] if config else []) + [text, weight]
    return " || ".join(parts), params


def _add_on_postgres(backend, resources):
    if not resources:
        return
    title_fields, body_fields = _text_fields()
    content_type_id = ContentType.objects.get_for_model(Resource).pk
    rows_sql, params = [], []
    for resource in resources:
        titles = [(str(getattr(resource, name) or "").strip(), w) for name, w in title_fields]
        bodies = [(str(getattr(resource, name) or "").strip(), w) for name, w in body_fields]
        title_sql, title_params = _vector(titles, backend.config)
        body_sql, body_params = _vector(bodies, backend.config)
        rows_sql.append(f"(%s, %s, {title_sql}, ''::tsvector, {body_sql}, 1.0, %s, %s)")
        params += [content_type_id, str(resource.pk), *title_params, *body_params]
        params += [" ".join(t for t, _w in titles if t), " ".join(t for t, _w in bodies if t)]
    connection = connections[router.db_for_write(IndexEntry)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm,
                 title_text, body_text)
            VALUES {", ".join(rows_sql)}
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
            """,  # noqa: S608 - the table name is the model's; every value is a parameter
            params,
        )


def refresh_title_norms():
    for backend in get_search_backends(with_auto_update=True):
        if isinstance(backend, PostgresSearchBackend):
            backend.get_index_for_model(Resource)._refresh_title_norms()
