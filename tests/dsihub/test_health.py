import pytest

from dsihub.celery import app as celery_app
from tests.support.mail import free_port


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


@pytest.mark.django_db
def test_healthz_is_unavailable_when_the_cache_is_unreachable(client, settings, closed_redis_url):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": closed_redis_url,
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["cache"]["ok"] is False
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
    assert response.json()["checks"]["broker"]["ok"] is False


@pytest.mark.django_db
def test_healthz_reaches_the_real_broker(client, settings, real_broker):
    if not settings.REDIS_URL:
        pytest.skip("needs REDIS_URL")

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["checks"]["broker"] == {"ok": True}
