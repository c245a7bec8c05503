"""`make services-check`: print which of PostgreSQL and Redis this machine reaches.

Runs without Django settings so it works before anything is configured. Uses DATABASE_URL and
REDIS_URL when set, else the local defaults (127.0.0.1:5432 and 127.0.0.1:6379).
"""

import os
import sys

import psycopg
import redis

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def check_postgres(url):
    with psycopg.connect(url.replace("postgres://", "postgresql://", 1), connect_timeout=3) as conn:
        return conn.execute("SHOW server_version").fetchone()[0]


def check_redis(url):
    return redis.Redis.from_url(url, socket_connect_timeout=3).info("server")["redis_version"]


def main():
    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    redis_url = os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL
    reached = True
    for name, check, url in [
        ("PostgreSQL", check_postgres, database_url),
        ("Redis", check_redis, redis_url),
    ]:
        if name == "PostgreSQL" and not url.startswith(("postgres://", "postgresql://")):
            print(f"{name:<11} skipped: DATABASE_URL is not PostgreSQL ({url.split(':')[0]})")
            continue
        try:
            version = check(url)
        except Exception as exc:  # noqa: BLE001 - report any failure to the operator
            reached = False
            print(f"{name:<11} NOT reachable at {url}: {exc}")
        else:
            print(f"{name:<11} reachable at {url} (version {version})")
    return 0 if reached else 1


if __name__ == "__main__":
    sys.exit(main())
