import os
from urllib.parse import urlsplit, urlunsplit

from tests.support.mail import free_port

# Tests keep away from the database numbers a developer's hub uses (0 by default). Two test runs
# on one machine (two checkouts) pick different numbers with TEST_REDIS_DB_CACHE/_BROKER; the
# workers of one parallel run (pytest-xdist: gw0, gw1, ...) each step two numbers further down.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
if _WORKER > 6:
    raise RuntimeError("At most 7 test workers: Redis has 16 databases and 0 is the hub's own.")
TEST_DB_NUMBERS = {
    "cache": int(os.environ.get("TEST_REDIS_DB_CACHE", 14)) - 2 * _WORKER,
    "broker": int(os.environ.get("TEST_REDIS_DB_BROKER", 15)) - 2 * _WORKER,
}


def redis_url_for_tests(url, purpose):
    """Return `url` pointing at the Redis database number reserved for tests' `purpose`."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{TEST_DB_NUMBERS[purpose]}"))


def closed_port_url():
    """A Redis URL nobody listens on: a port the system just handed out and took back."""
    return f"redis://127.0.0.1:{free_port()}/0"


def resilient_cache(location, **params):
    """CACHES for the production cache backend (core.cache) at `location`."""
    return {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "dsihub-test",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            **params,
        }
    }
