"""`make bench-web` (`python -m bench.web`): the public pages under load, against a floor.

1. its own PostgreSQL database (created if missing) and Redis database, production settings
   over plain HTTP (see `bench.environment` for the variables);
2. migrate, `seed_demo --scale large` (skipped when already seeded), collectstatic;
3. flush Redis; per mode, cold (`DJANGO_PAGE_CACHE=0`) and warm (`=1`), count each page's SQL
   queries (`bench.probe`) and start a gunicorn; then per page and mode in turn run wrk for a
   warm-up and for the measurement (alternating modes page by page, so that a burst of other
   work on the machine hits both alike);
4. print the table; after a full run also write `bench/results/<date>.json` and the results
   section of docs/benchmarks.md.
"""

import datetime as dt
import json
import os
import subprocess
import sys
import time
from contextlib import ExitStack

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
    load_before = os.getloadavg()
    measure(options, pages)
    report.add_floor_shares(pages)
    results = {
        "date": dt.date.today().isoformat(),
        "machine": machine(options, wrk.version()),
        "load": options.load(),
        "load_average": {"before": load_before[0], "after": os.getloadavg()[0]},
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
    seconds = round(time.monotonic() - started, 1) if "Seeded in" in output else None
    print(output, end="")
    manage(environment, "collectstatic", "--noinput", "--verbosity=0")
    return {"seconds": seconds}


def measure(options, pages):
    """Every page in every mode, each mode on its own gunicorn; fills `pages` in place."""
    flush_redis(options.redis_url)
    environments = {mode: django_environment(options, mode=mode) for mode in options.modes}
    names = [page["name"] for page in pages]
    probed = {}
    for mode, environment in environments.items():
        say(f"{mode}: counting SQL queries per page")
        probed[mode] = probe(environment, names)
    with ExitStack() as stack:
        servers = {mode: stack.enter_context(_server(options, mode)) for mode in options.modes}
        for page in pages:
            for mode, server in servers.items():
                page["url"] = probed[mode][page["name"]]["url"]
                numbers = load(options, server.base_url + page["url"])
                page["modes"][mode] = {**numbers, "queries": probed[mode][page["name"]]["queries"]}
                say(f"{page['name']} {mode}: {numbers['requests_per_second']:,.0f} req/s")


def _server(options, mode):
    environment = django_environment(options, mode=mode)
    log_path = VAR_DIR / f"gunicorn-{mode}.log"
    return Gunicorn(environment, workers=options.workers, log_path=log_path)


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
