"""The benchmark floor (/bench/floor/) exists only when DJANGO_BENCH_FLOOR switches it on."""

import importlib

import pytest
from django.urls import clear_url_caches

import dsihub.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def floor_switched_on(settings):
    settings.BENCH_FLOOR = True
    _reload_urls()
    yield
    settings.BENCH_FLOOR = False
    _reload_urls()


def _reload_urls():
    importlib.reload(dsihub.urls)
    clear_url_caches()


def test_floor_is_not_found_by_default(client, settings):
    assert settings.BENCH_FLOOR is False

    response = client.get("/bench/floor/")

    assert response.status_code == 404


@pytest.mark.usefixtures("floor_switched_on")
def test_floor_answers_through_the_middleware_stack_when_switched_on(client):
    response = client.get("/bench/floor/")

    assert response.status_code == 200
    assert response.content == b"floor\n"
    assert response.headers["X-Frame-Options"] == "DENY"  # set by the middleware, not the view
