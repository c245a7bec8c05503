"""A real Celery worker thread consuming from the real Redis broker (test database numbers)."""

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings

from dsihub.celery import app as celery_app


@pytest.fixture
def celery_worker(django_db_serialized_rollback, transactional_db):
    """Run tasks on a real worker; rows must be committed for it to see them (transactional_db).

    Serialized rollback restores the migrations' data (vocabularies, groups, home page) after
    the flush, so later transactional tests still find it.
    """
    if not settings.REDIS_URL:
        pytest.skip("the Celery worker fixture needs REDIS_URL (a real Redis broker)")
    celery_app.conf.task_always_eager = False
    try:
        with start_worker(celery_app, perform_ping_check=False, loglevel="WARNING") as worker:
            yield worker
    finally:
        celery_app.conf.task_always_eager = True
