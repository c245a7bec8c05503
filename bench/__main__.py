"""Benchmarks (not tests); results and how to read them are in docs/benchmarks.md."""

print(
    "Benchmarks:\n"
    "  make bench-web   public pages under gunicorn + wrk against a floor, page cache off and\n"
    "                   on (seeds its own database dsihub_bench; see bench/web.py)"
)
