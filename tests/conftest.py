"""Shared fixtures: real PostgreSQL (DATABASE_URL), real Redis (REDIS_URL), a real Celery worker,
an aiosmtpd SMTP sink and Playwright driving the system Chromium."""

import os

# Playwright's sync API runs an event loop in the test thread; Django's ORM would refuse to run
# beside it. This is the usual pytest-django + Playwright arrangement (see stack notes).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402 - the environment above must be set first
from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.utils import translation  # noqa: E402

from dsihub.celery import app as celery_app  # noqa: E402
from tests.support.redis import redis_url_for_tests  # noqa: E402
from tests.support.serialized_rollback import reattach_serialized_contents  # noqa: E402

pytest_plugins = [
    "tests.support.serialized_rollback",
    "tests.support.mail",
    "tests.support.browser",
    "tests.support.celery_worker",
    "tests.support.people",
]

TEST_SETTINGS = {
    # Tests read static files through the finders (no collectstatic) and hash passwords cheaply.
    "STORAGES": {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
}
if settings.REDIS_URL:
    TEST_SETTINGS["CACHES"] = {
        "default": {
            **settings.CACHES["default"],  # the production backend, on the tests' database
            "LOCATION": redis_url_for_tests(settings.REDIS_URL, "cache"),
            "KEY_PREFIX": "dsihub-test",
        }
    }
    celery_app.conf.update(
        broker_url=redis_url_for_tests(settings.REDIS_URL, "broker"),
        result_backend=redis_url_for_tests(settings.REDIS_URL, "broker"),
    )
# override_settings (not plain assignment) so cached storages and caches are reset too.
override_settings(**TEST_SETTINGS).enable()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so rate limits and cached pages do not leak."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request to /pl/… leaves Polish active in the
    thread (LocaleMiddleware activates a language and nothing deactivates it), and a later test
    would read its messages in Polish."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _eager_tasks_by_default():
    """Tasks run in-process unless a test asks for the real worker (the `celery_worker` fixture)."""
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = True


@pytest.fixture
def private_cache(settings):
    """A cache of this test's own: rate-limit counts untouched by other test runs' clears."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
    }


@pytest.fixture
def admin_client(client):
    """A client logged in as a superuser (replaces pytest-django's, which assumes usernames)."""
    from tests.factories.accounts import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the real-worker tests last: after them, a live-server test in the same session no
    longer found the migrations' data (seen with the worker thread's own connection), so they
    go after every other transactional test."""
    items.sort(key=lambda item: "celery_worker" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """pytest-django's set-up, then remember its snapshot at once: when the session's first
    transactional test drives Playwright, the hooks below would otherwise never see it."""
    reattach_serialized_contents()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item):
    reattach_serialized_contents()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    reattach_serialized_contents()
