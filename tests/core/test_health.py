import json

import pytest
from django.core.cache import cache

from core.cache import RedisOutage
from dsihub.celery import app as celery_app
from tests.dsihub.test_settings import PRODUCTION_ENV, manage
from tests.support.mail import free_port
from tests.support.redis import resilient_cache


@pytest.fixture
def closed_redis_url():
    return f"redis://127.0.0.1:{free_port()}/0"


@pytest.fixture
def real_broker():
    """Report on the broker as a deployment with a worker would (tasks not eager)."""
    celery_app.conf.task_always_eager = False
    yield


@pytest.mark.django_db
def test_healthz_reports_each_service_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["cache"] == {"ok": True}


@pytest.fixture
def cache_down(settings, closed_redis_url):
    settings.CACHES = resilient_cache(closed_redis_url)
    yield
    cache.clear()
    RedisOutage.forget(closed_redis_url)


@pytest.mark.django_db
def test_healthz_reports_a_degraded_cache_by_name_only(client, cache_down):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "degraded",
        "checks": {
            "database": {"ok": True},
            "cache": {"ok": False},
            "broker": {"ok": True, "note": "tasks run eagerly; no broker configured"},
        },
    }


@pytest.mark.django_db
def test_healthz_logs_the_error_it_does_not_show(client, cache_down, caplog):
    client.get("/healthz")

    [record] = [r for r in caplog.records if r.name == "core.health"]
    assert "cache is unreachable: ConnectionError" in record.getMessage()


@pytest.mark.django_db
def test_healthz_shows_staff_the_error(admin_client, cache_down):
    response = admin_client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["error"].startswith("ConnectionError: ")


@pytest.mark.django_db
def test_healthz_is_unavailable_when_a_plain_redis_cache_is_unreachable(
    client, settings, closed_redis_url
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": closed_redis_url,
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == {"ok": False}
    assert response.json()["checks"]["database"] == {"ok": True}


@pytest.mark.django_db
def test_healthz_checks_the_broker_when_tasks_are_not_eager(
    client, settings, real_broker, closed_redis_url
):
    original = celery_app.conf.broker_url
    celery_app.conf.broker_url = closed_redis_url
    try:
        response = client.get("/healthz")
    finally:
        celery_app.conf.broker_url = original

    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == {"ok": False}


@pytest.mark.django_db
def test_healthz_reaches_the_real_broker(client, settings, real_broker):
    if not settings.REDIS_URL:
        pytest.skip("needs REDIS_URL")

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["checks"]["broker"] == {"ok": True}


def test_healthz_reports_a_database_outage_without_error_text():
    probe = (
        "import json; from django.test import Client; r = Client().get('/healthz'); "
        "print(r.status_code, json.dumps(r.json(), sort_keys=True))"
    )
    env = {
        **PRODUCTION_ENV,
        "ALLOWED_HOSTS": "testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/nowhere",
        "REDIS_URL": "",
    }

    result = manage("shell", "-c", probe, env=env)

    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503"
    assert json.loads(body)["status"] == "unavailable"
    assert json.loads(body)["checks"]["database"] == {"ok": False}
    assert json.loads(body)["checks"]["cache"] == {"ok": True}
    assert "connection" not in body.lower()
