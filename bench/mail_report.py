"""The results of `make bench-mail`: a summary, `bench/results/mail-<date>.json` (one entry per
N measured that day) and the bench-mail section of docs/benchmarks.md."""

import json
import re

from .environment import BASE_DIR

RESULTS_DIR = BASE_DIR / "bench" / "results"
DOCS_PAGE = BASE_DIR / "docs" / "benchmarks.md"
START = "<!-- bench-mail results: written by `make bench-mail`; edits here are overwritten -->"
END = "<!-- end of bench-mail results -->"


def summary(results):
    floor, pipeline = results["floor"], results["pipeline"]
    return (
        f"\nN = {results['n']:,}, {results['message_bytes']:,} bytes a message\n"
        f"  floor (smtplib)  {floor['messages_per_second']:>8,.0f} messages/s "
        f"({floor['seconds']:.1f} s)\n"
        f"  pipeline         {pipeline['messages_per_second']:>8,.0f} messages/s "
        f"({pipeline['seconds']:.1f} s)\n"
        f"  pipeline / floor {results['ratio']:>8.0%}\n"
    )


def save(results):
    """Add `results` to the day's file (replacing a run of the same N) and rewrite the docs."""
    path = RESULTS_DIR / f"mail-{results['date']}.json"
    runs = json.loads(path.read_text())["runs"] if path.exists() else []
    runs = [run for run in runs if run["n"] != results["n"]] + [results]
    runs.sort(key=lambda run: run["n"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"runs": runs}, indent=2, ensure_ascii=False) + "\n")
    update_docs(runs, path)
    return path


def update_docs(runs, path):
    section = f"{START}\n{docs_section(runs, path)}\n{END}"
    text = DOCS_PAGE.read_text()
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _match: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOCS_PAGE.write_text(text)


def docs_section(runs, path):
    machine = runs[-1]["machine"]
    lines = [
        f"Measured on {runs[-1]['date']} (`{path.relative_to(BASE_DIR)}`): {machine['cpu']}, "
        f"{machine['cores']} cores; Python {machine['python']}, Django {machine['django']}, "
        f"Celery {machine['celery']}, aiosmtpd {machine['aiosmtpd']}, PostgreSQL "
        f"{machine['postgresql']}, Redis {machine['redis']}.",
        "",
        "| N | message | floor msg/s | pipeline msg/s | pipeline / floor | pipeline time "
        "| chunk × chains × worker processes | load average before / after |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for run in runs:
        settings, load = run["settings"], run["load_average"]
        lines.append(
            f"| {run['n']:,} | {run['message_bytes'] / 1024:.1f} KiB "
            f"| {run['floor']['messages_per_second']:,.0f} "
            f"| {run['pipeline']['messages_per_second']:,.0f} | {run['ratio']:.0%} "
            f"| {run['pipeline']['seconds']:.1f} s "
            f"| {settings['chunk_size']} × {settings['parallel_chunks']} × "
            f"{settings['worker_concurrency']} | {load['before']:.1f} / {load['after']:.1f} |"
        )
    return "\n".join(lines)
