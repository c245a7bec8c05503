"""The results of `make bench-web`: a table, `bench/results/<date>.json`, docs/benchmarks.md."""

import json
import re
from pathlib import Path

from .environment import BASE_DIR, MODES
from .pages import COLD_P95_BUDGET_MS, FLOOR

RESULTS_DIR = BASE_DIR / "bench" / "results"
DOCS_PAGE = BASE_DIR / "docs" / "benchmarks.md"
START = "<!-- bench-web results: written by `make bench-web`; edits here are overwritten -->"
END = "<!-- end of bench-web results -->"


def add_floor_shares(pages):
    """Each page's req/s as a share of the floor's, per mode, in place."""
    floor = next(page for page in pages if page["name"] == FLOOR)
    for page in pages:
        for mode, numbers in page["modes"].items():
            floor_rate = floor["modes"][mode]["requests_per_second"]
            numbers["share_of_floor"] = round(numbers["requests_per_second"] / floor_rate, 3)


def budget_verdicts(page):
    """Which of the page's budgets hold: cold p95, and warm share of the floor."""
    verdicts = []
    cold, warm = page["modes"].get("cold"), page["modes"].get("warm")
    if page["name"] != FLOOR and cold:
        # wrk counts only the requests that finished: with timeouts, the latencies say nothing
        ok = cold["p95_ms"] < COLD_P95_BUDGET_MS and not cold["errors"]
        verdicts.append(f"cold p95 < {COLD_P95_BUDGET_MS} ms {'✓' if ok else '✗'}")
    if page.get("warm_share") and warm:
        ok = warm["share_of_floor"] >= page["warm_share"] and not warm["errors"]
        verdicts.append(f"warm ≥ {page['warm_share']:.0%} {'✓' if ok else '✗'}")
    return ", ".join(verdicts)


def table(pages, modes):
    """A Markdown table: one row per page, a column group per mode."""
    header = ["page"]
    for mode in modes:
        header += [f"{mode} req/s", f"{mode} p50 / p95 / p99 ms", f"{mode} % floor"]
    header += [f"SQL queries ({' / '.join(modes)})", "budgets"]
    rows = [header, ["---"] * len(header)]
    for page in pages:
        rows.append(_row(page, modes))
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def _row(page, modes):
    row = [f"{page['name']} `{page['url']}`"]
    for mode in modes:
        numbers = page["modes"][mode]
        latency = " / ".join(f"{numbers[key]:.1f}" for key in ("p50_ms", "p95_ms", "p99_ms"))
        errors = f" ({_errors(numbers['errors'])})" if numbers["errors"] else ""
        row += [f"{numbers['requests_per_second']:,.0f}{errors}", latency]
        row.append(f"{numbers['share_of_floor']:.0%}")
    row.append(" / ".join(str(page["modes"][mode]["queries"]) for mode in modes))
    row.append(budget_verdicts(page))
    return row


def _errors(errors):
    return ", ".join(f"{kind} errors: {count}" for kind, count in errors.items())


def write_json(results, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def results_path(date):
    return RESULTS_DIR / f"{date}.json"


def update_docs(results):
    """Replace the generated section of docs/benchmarks.md (appended if missing)."""
    section = f"{START}\n{_docs_section(results)}\n{END}"
    text = DOCS_PAGE.read_text() if DOCS_PAGE.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _match: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOCS_PAGE.write_text(text)


def _docs_section(results):
    machine, load = results["machine"], results["load"]
    path = Path(results_path(results["date"])).relative_to(BASE_DIR)
    lines = [
        f"Measured on {results['date']} (`{path}`): {machine['cpu']}, {machine['cores']} cores; "
        f"Python {machine['python']}, Django {machine['django']}, Wagtail {machine['wagtail']}, "
        f"gunicorn {machine['gunicorn']} ({load['workers']} sync workers), "
        f"PostgreSQL {machine['postgresql']}, Redis {machine['redis']}; {machine['wrk']}, "
        f"{load['connections']} connections, {load['threads']} threads, {load['duration']} s per "
        f"page and mode after {load['warmup']} s of warm-up. Load average before and after "
        f"the run (other work on the machine): {results['load_average']['before']:.1f}, "
        f"{results['load_average']['after']:.1f}.",
        "",
        table(results["pages"], [mode for mode in MODES if mode in results["modes"]]),
    ]
    return "\n".join(lines)
