"""What serialized rollback restores after each transactional test: the migrations' data without
the gazetteer.

Transactional tests (live_server, the real Celery worker) end with a flush, and serialized
rollback then re-inserts the migrated data from a snapshot taken at the start of the session:
vocabularies, groups, the Wagtail workflow, the home page. The snapshot used to hold the 34,006
places of the offline gazetteer too (98% of its rows), and re-inserting them cost ~20-25 s per
transactional test. Django can only leave out whole apps (`TEST_NON_SERIALIZED_APPS`), and
`taxonomy` also holds the vocabularies, so the snapshot leaves out the one model instead.

So: tests in a transaction (`db`) see the whole gazetteer; transactional tests may run after a
flush that emptied it, and create the places they need (`PlaceFactory`, or
`GazetteerPlaceFactory` for a real city).
"""

from unittest import mock

import pytest
from django.db.backends.base.creation import BaseDatabaseCreation
from django.test import override_settings

NOT_SERIALIZED = {("taxonomy", "place")}


class LeaveOutOfSnapshot:
    """A database router that keeps `NOT_SERIALIZED` models out of the snapshot.

    Django's `serialize_db_to_string` takes each model that the routers allow on the database
    (`router.allow_migrate_model`); this router says no for the gazetteer and has no opinion on
    anything else. It is installed only while the snapshot is taken, never for migrations.
    """

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return False if (app_label, model_name) in NOT_SERIALIZED else None


_serialize_db_to_string = BaseDatabaseCreation.serialize_db_to_string


def serialize_without_gazetteer(creation):
    with override_settings(DATABASE_ROUTERS=[LeaveOutOfSnapshot()]):
        return _serialize_db_to_string(creation)


@pytest.fixture(scope="session", autouse=True)
def _gazetteer_left_out_of_serialized_rollback():
    """Active before pytest-django's `django_db_setup` (session autouse fixtures come first),
    which migrates the test database and then takes the snapshot."""
    with mock.patch.object(
        BaseDatabaseCreation, "serialize_db_to_string", serialize_without_gazetteer
    ):
        yield


_SERIALIZED_CONTENTS = {}


def reattach_serialized_contents():
    """Keep serialized rollback working once Playwright is running.

    pytest-django serializes the migrated database (vocabularies, groups, workflow, home page)
    onto the connection object so transactional tests can restore it after each flush. Django
    keeps connections in context-local storage, and after Playwright's sync API starts the test
    thread can get a fresh connection object without those contents, so the restore was
    silently skipped. Re-attach what was serialized to whichever connection is current: called
    around every test and right after Playwright starts (the session-scoped browser starts
    before a test's database fixture restores the snapshot).
    """
    from django.db import connections

    for alias in connections:
        connection = connections[alias]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            _SERIALIZED_CONTENTS.setdefault(alias, contents)
        elif alias in _SERIALIZED_CONTENTS:
            connection._test_serialized_contents = _SERIALIZED_CONTENTS[alias]
