from urllib.parse import urlsplit, urlunsplit

# Tests keep away from the database numbers a developer's hub uses (0 by default).
TEST_DB_NUMBERS = {"cache": 14, "broker": 15}


def redis_url_for_tests(url, purpose):
    """Return `url` pointing at the Redis database number reserved for tests' `purpose`."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{TEST_DB_NUMBERS[purpose]}"))
