"""Seeded rows are indexed with one INSERT … SELECT; the rows must equal Wagtail's own."""

import pytest
from django.db import connection
from modelsearch.backends.database.postgres.postgres import IndexEntry
from modelsearch.utils import get_content_type_pk
from wagtail.search.backends import get_search_backend

from demo.seeding.search_index import index_seeded
from organisations.models import Organisation
from projects.models import Project
from tests.factories.listings import OrganisationFactory, ProjectFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL search backend"),
]


def index_rows(model):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT object_id, title::text, autocomplete::text, body::text, title_norm, "  # noqa: S608 - a model's own table name
            f"title_text, body_text FROM {IndexEntry._meta.db_table} "
            "WHERE content_type_id = %s ORDER BY object_id",
            [get_content_type_pk(model)],
        )
        return cursor.fetchall()


def listings():
    organisations = [
        OrganisationFactory(
            name="Open Care Collective",
            short_description="  Neighbours share care with open data.  ",
            description="<p>Rich <strong>text</strong> with a café and naïve words.</p>\n",
        ),
        OrganisationFactory(name="Civic Maps Lab", description=""),
    ]
    projects = [ProjectFactory(name="Bike Safe Map", description="<p>Near misses, mapped.</p>")]
    return {Organisation: organisations, Project: projects}


@pytest.mark.parametrize("model", [Organisation, Project])
def test_index_seeded_writes_the_rows_wagtails_indexer_writes(model):
    rows = listings()[model]
    IndexEntry.objects.all().delete()
    get_search_backend().add_bulk(model, rows)
    expected = index_rows(model)
    IndexEntry.objects.all().delete()

    index_seeded(model.objects.filter(pk__in=[row.pk for row in rows]))

    assert index_rows(model) == expected
    assert len(expected) == len(rows)
