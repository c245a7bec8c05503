"""The /healthz endpoint: is each backing service reachable from this process?

Anonymous callers (probes) get the names of the services and whether each answered, never the
error text: that goes to the log, and staff see it too.
"""

import logging
import uuid

from celery import current_app as celery_app
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    """Redis itself when the cache falls back to local memory during outages (it has ping());
    otherwise a write and read back through the cache."""
    ping = getattr(cache, "ping", None)
    if ping is not None:
        ping()
        return
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=5)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just written")
    cache.delete(key)


def check_broker():
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def run_checks():
    """Return {service: {"ok": bool, ...}}; a failure carries "error" (not shown to everyone).
    The broker is only required when tasks are not eager."""
    checks = {"database": check_database, "cache": check_cache}
    eager = celery_app.conf.task_always_eager
    if not eager:
        checks["broker"] = check_broker
    results = {}
    for name, check in checks.items():
        try:
            check()
        except Exception as exc:  # noqa: BLE001 - any failure means "unreachable", reported as data
            error = f"{type(exc).__name__}: {exc}"
            logger.warning("healthz: %s is unreachable: %s", name, error)
            results[name] = {"ok": False, "error": error}
        else:
            results[name] = {"ok": True}
    if eager:
        results["broker"] = {"ok": True, "note": "tasks run eagerly; no broker configured"}
    return results


def overall_status(results):
    """ok; degraded (pages are served, a supporting service is down); unavailable (no database)."""
    if all(result["ok"] for result in results.values()):
        return "ok"
    return "unavailable" if not results["database"]["ok"] else "degraded"


def _is_staff(request, results):
    """Staff may read the errors; without a database the session cannot be asked."""
    if not results["database"]["ok"]:
        return False
    return request.user.is_authenticated and request.user.is_staff


def _without_errors(results):
    return {
        name: {key: value for key, value in result.items() if key != "error"}
        for name, result in results.items()
    }


@never_cache
def healthz(request):
    results = run_checks()
    status = overall_status(results)
    shown = results if _is_staff(request, results) else _without_errors(results)
    return JsonResponse(
        {"status": status, "checks": shown},
        status=200 if status == "ok" else 503,
    )
