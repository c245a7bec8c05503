"""`make bench-web` (`python -m bench.web`): the public pages under load, against a floor.

1. its own PostgreSQL database (created if missing) and Redis database, production settings
   over plain HTTP (see `bench.environment` for the variables);
2. migrate, `seed_demo --scale large` (skipped when already seeded), collectstatic;
3. per mode, cold (`DJANGO_PAGE_CACHE=0`) then warm (`=1`): flush Redis, count each page's SQL
   queries (`bench.probe`), start gunicorn, and per page run wrk for a warm-up and then for
   the measurement;
4. print the table; after a full run also write `bench/results/<date>.json` and the results
   section of docs/benchmarks.md.
"""

import datetime as dt
import json
import subprocess
import sys
import time

from . import report, wrk
from .environment import VAR_DIR, Options, django_environment, ensure_database, flush_redis, machine
from .pages import selected
from .server import Gunicorn


def main():
    wrk.require_wrk()
    options = Options.from_environment()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    seed = prepare(options)
    pages = [
        {"name": page.name, "warm_share": page.warm_share, "modes": {}}
        for page in selected(options.pages)
    ]
    for mode in options.modes:
        measure_mode(options, mode, pages)
    report.add_floor_shares(pages)
    results = {
        "date": dt.date.today().isoformat(),
        "machine": machine(options, wrk.version()),
        "load": options.load(),
        "modes": options.modes,
        "seed": seed,
        "pages": pages,
    }
    print("\n" + report.table(pages, options.modes))
    save(options, results)


def prepare(options):
    """Database, schema, data and static files; returns the seeding time if it seeded."""
    if ensure_database(options.database_url):
        say(f"Created database {options.database_url}")
    environment = django_environment(options)
    manage(environment, "migrate", "--noinput", "--verbosity=0")
    say("seed_demo --scale large (about a minute the first time)")
    started = time.monotonic()
    output = manage(environment, "seed_demo", "--scale=large")
    print(output, end="")
    seeded = "Seeded in" in output
    manage(environment, "collectstatic", "--noinput", "--verbosity=0")
    return {"seconds": round(time.monotonic() - started, 1) if seeded else None}


def measure_mode(options, mode, pages):
    environment = django_environment(options, mode=mode)
    flush_redis(options.redis_url)
    say(f"{mode}: counting SQL queries per page")
    probed = probe(environment, [page["name"] for page in pages])
    log_path = VAR_DIR / f"gunicorn-{mode}.log"
    with Gunicorn(environment, workers=options.workers, log_path=log_path) as server:
        for page in pages:
            page["url"] = probed[page["name"]]["url"]
            numbers = load(options, server.base_url + page["url"])
            page["modes"][mode] = {**numbers, "queries": probed[page["name"]]["queries"]}
            say(f"{mode} {page['name']}: {numbers['requests_per_second']:,.0f} req/s")


def probe(environment, names):
    output = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.probe", *names],
        env=environment,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    ).stdout
    probed = json.loads(output)
    failed = {name: page for name, page in probed.items() if page["status"] != 200}
    if failed:
        raise SystemExit(f"Pages that do not answer 200: {failed}")
    return probed


def load(options, url):
    wrk.measure(
        url, duration=options.warmup, connections=options.connections, threads=options.threads
    )
    return wrk.measure(
        url, duration=options.duration, connections=options.connections, threads=options.threads
    )


def save(options, results):
    if options.is_full_run:
        path = report.results_path(results["date"])
        report.write_json(results, path)
        report.update_docs(results)
        say(f"Wrote {path.relative_to(report.BASE_DIR)} and docs/benchmarks.md")
    else:
        path = VAR_DIR / f"partial-{results['date']}.json"
        report.write_json(results, path)
        say(f"Partial run (BENCH_PAGES or BENCH_MODES set): wrote {path} only")


def manage(environment, *arguments):
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *arguments],
        cwd=report.BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    ).stdout


def say(message):
    print(f"bench-web: {message}", flush=True)


if __name__ == "__main__":
    main()
