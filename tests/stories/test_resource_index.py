"""The import's bulk search indexing writes what the search backend itself writes."""

import pytest
from django.db import connection
from modelsearch.backends.database.postgres.postgres import IndexEntry
from wagtail.search.backends import get_search_backend

from stories.models import Resource
from stories.resource_index import index_resources, refresh_title_norms
from tests.factories.stories import ResourceFactory

pytestmark = pytest.mark.django_db


ENTRIES = (
    "SELECT object_id, title::text, autocomplete::text, body::text, title_norm, "
    "title_text, body_text FROM {table} ORDER BY object_id"
)


def entries():
    with connection.cursor() as cursor:
        cursor.execute(ENTRIES.format(table=IndexEntry._meta.db_table))
        return cursor.fetchall()


def test_bulk_indexing_writes_the_same_entries_as_the_backend():
    resources = [
        ResourceFactory(title="  Repair café toolkit ", description="How to fix\ttoasters."),
        ResourceFactory(title="Open data guide", description=""),
        ResourceFactory(title="Données ouvertes", description="  Guide pratique  "),
    ]
    IndexEntry.objects.all().delete()
    get_search_backend().add_bulk(Resource, resources)
    by_backend = entries()
    IndexEntry.objects.all().delete()

    index_resources(resources)
    refresh_title_norms()

    assert len(by_backend) == 3
    assert entries() == by_backend
    found = get_search_backend().search("toasters", Resource)
    assert [r.title for r in found] == ["  Repair café toolkit "]
