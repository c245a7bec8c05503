"""Where `make bench-web` runs: its own database and Redis, production settings, this machine.

Every knob is an environment variable (read once into `Options`):

| variable | default | |
|---|---|---|
| `BENCH_DATABASE_URL` | `postgres://postgres@127.0.0.1:5432/dsihub_bench` | created if missing |
| `BENCH_REDIS_URL` | `redis://127.0.0.1:6379/5` | flushed before each mode |
| `BENCH_DURATION` | `10` | seconds of load per page and mode |
| `BENCH_WARMUP` | `3` | seconds of load before each measurement |
| `BENCH_CONNECTIONS` | `8` | wrk connections (concurrency) |
| `BENCH_THREADS` | `2` | wrk threads |
| `BENCH_WORKERS` | `3` | gunicorn sync workers |
| `BENCH_PAGES` | all | e.g. `home,org-list` (the floor is always measured) |
| `BENCH_MODES` | `cold,warm` | page cache off (`DJANGO_PAGE_CACHE=0`) / on |

The database and Redis variables are `BENCH_`-prefixed so that a developer's exported
`DATABASE_URL` is never filled with 25,000 seeded listings by accident.
"""

import os
import platform
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

import psycopg
from psycopg import sql

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var" / "bench"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/dsihub_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/5"
SECRET_KEY = "bench-only-secret-key-never-used-outside-make-bench-web-0123456789"  # noqa: S105 - local benchmark server on 127.0.0.1
MODES = {"cold": "0", "warm": "1"}  # DJANGO_PAGE_CACHE per mode


@dataclass(frozen=True)
class Options:
    database_url: str
    redis_url: str
    duration: int = 10
    warmup: int = 3
    connections: int = 8
    threads: int = 2
    workers: int = 3
    pages: list = field(default_factory=list)
    modes: list = field(default_factory=lambda: list(MODES))

    @classmethod
    def from_environment(cls):
        get = os.environ.get
        return cls(
            database_url=get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
            redis_url=get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
            duration=int(get("BENCH_DURATION", "10")),
            warmup=int(get("BENCH_WARMUP", "3")),
            connections=int(get("BENCH_CONNECTIONS", "8")),
            threads=int(get("BENCH_THREADS", "2")),
            workers=int(get("BENCH_WORKERS", "3")),
            pages=_names(get("BENCH_PAGES", "")),
            modes=_names(get("BENCH_MODES", "")) or list(MODES),
        )

    @property
    def is_full_run(self):
        """All pages, both modes: the run whose numbers go into docs/benchmarks.md."""
        return not self.pages and set(self.modes) == set(MODES)

    def load(self):
        """What the numbers depend on, for the results file."""
        names = ("duration", "warmup", "connections", "threads", "workers")
        return {name: value for name, value in asdict(self).items() if name in names}


def _names(value):
    return [name.strip() for name in value.split(",") if name.strip()]


def django_environment(options, *, mode="cold"):
    """The process environment of every Django process the harness starts."""
    return {
        **os.environ,
        "DATABASE_URL": options.database_url,
        "REDIS_URL": options.redis_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1",
        "EMAIL_URL": f"filemail:///{VAR_DIR / 'mail'}",
        "DJANGO_STATIC_ROOT": str(VAR_DIR / "static"),
        "DJANGO_ZEAL": "0",
        "DJANGO_BENCH_FLOOR": "1",
        "DJANGO_PAGE_CACHE": MODES[mode],
        # wrk is one client address: the read API's per-address limit would answer 429s
        "OPEN_DATA_API_RATE": "100000000/s",
    }


def ensure_database(url):
    """Create the benchmark database when it does not exist yet; True if created."""
    params = psycopg.conninfo.conninfo_to_dict(url)
    name = params.pop("dbname")
    with psycopg.connect(**params, dbname="postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return not exists


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


def machine(options, wrk_version):
    """CPU, cores and the versions of everything on the request path."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": metadata.version("django"),
        "wagtail": metadata.version("wagtail"),
        "gunicorn": metadata.version("gunicorn"),
        "postgresql": _postgresql_version(options.database_url),
        "redis": _redis_version(options.redis_url),
        "wrk": wrk_version,
    }


def _cpu_model():
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return platform.processor() or "unknown"
    models = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return models[0] if models else "unknown"


def _postgresql_version(url):
    with psycopg.connect(url) as connection:
        return connection.execute("SHOW server_version").fetchone()[0]


def _redis_version(url):
    import redis

    return redis.Redis.from_url(url).info("server")["redis_version"]
