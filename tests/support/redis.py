import os
from urllib.parse import urlsplit, urlunsplit

# Tests keep away from the database numbers a developer's hub uses (0 by default). Two test runs
# on one machine (two checkouts) pick different numbers with TEST_REDIS_DB_CACHE/_BROKER.
TEST_DB_NUMBERS = {
    "cache": int(os.environ.get("TEST_REDIS_DB_CACHE", 14)),
    "broker": int(os.environ.get("TEST_REDIS_DB_BROKER", 15)),
}


def redis_url_for_tests(url, purpose):
    """Return `url` pointing at the Redis database number reserved for tests' `purpose`."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{TEST_DB_NUMBERS[purpose]}"))
