"""Run wrk (Debian package `wrk`) against one URL and read its numbers."""

import json
import shutil
import subprocess
from pathlib import Path

REPORT_SCRIPT = Path(__file__).with_name("wrk_report.lua")
MARKER = "BENCH_JSON "
INSTALL_HINT = (
    "wrk is not installed. On Debian or Ubuntu: `sudo apt-get install wrk` "
    "(https://github.com/wg/wrk for other systems)."
)


def require_wrk():
    if shutil.which("wrk") is None:
        raise SystemExit(INSTALL_HINT)


def version():
    result = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)  # noqa: S607 - wrk from PATH, checked by require_wrk
    return (result.stdout or result.stderr).split(" Copyright")[0].strip()


def measure(url, *, duration, connections, threads):
    """req/s, latency percentiles (ms) and error counts of `duration` seconds of load."""
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        f"--script={REPORT_SCRIPT}",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603 - fixed arguments
    return _parse(output)


def _parse(output):
    line = next((line for line in output.splitlines() if line.startswith(MARKER)), None)
    if line is None:
        raise RuntimeError(f"wrk printed no report line:\n{output}")
    raw = json.loads(line.removeprefix(MARKER))
    seconds = raw["duration_us"] / 1_000_000
    return {
        "requests": raw["requests"],
        "requests_per_second": round(raw["requests"] / seconds, 1),
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "errors": {kind: count for kind, count in raw["errors"].items() if count},
    }
