"""Benchmarks (not tests); results and how to read them are in docs/benchmarks.md."""

print(
    "Benchmarks:\n"
    "  make bench-web   public pages under gunicorn + wrk against a floor, page cache off and\n"
    "                   on (seeds its own database dsihub_bench; see bench/web.py)\n"
    "  make bench-mail  the newsletter to N subscribers (N=20000; N=100000 works) through\n"
    "                   Celery workers and an aiosmtpd sink, against a raw smtplib floor\n"
    "                   (same database; see bench/mail.py)"
)
