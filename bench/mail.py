"""`make bench-mail` (`python -m bench.mail`): the newsletter pipeline against an SMTP floor.

1. the benchmark database and Redis of `make bench-web` (`bench.environment`), migrated and
   seeded (`seed_demo --scale large`: 100,000 subscribers), production settings;
2. an aiosmtpd sink in a process of its own (`bench.sink`), counting messages and recipients;
3. the audience: the first N seeded subscribers (active ones first) are made active and
   wanting the newsletter, every other subscriber not wanting it, for the length of the run;
   a copy of the two columns is kept in a table and put back afterwards (and at the start of
   the next run if this one was killed);
4. the **floor**: one real message of the benchmark issue, rendered once, sent as bytes to
   each of the N recipients with plain smtplib, one connection per chunk, in as many processes
   as the worker has;
5. the **pipeline**: a Celery worker (`celery -A dsihub worker`, prefork) started and answering
   pings before the clock starts; then `dispatch.send_issue_now(issue)` and the wall time until
   the issue is "sent" and the sink holds N messages; each recipient must have exactly one;
6. prints both rates and their ratio; writes `bench/results/mail-<date>.json` and the
   bench-mail section of docs/benchmarks.md.

| variable | default | |
|---|---|---|
| `BENCH_MAIL_N` (or `N`) | `20000` | recipients; at most the seeded subscribers (100,000) |
| `BENCH_MAIL_CHUNK_SIZE` | `500` | `NEWSLETTER_CHUNK_SIZE`; the floor's messages a connection |
| `BENCH_MAIL_CHAINS` | `2` | `NEWSLETTER_PARALLEL_CHUNKS` |
| `BENCH_MAIL_CONCURRENCY` | `2` | worker processes (`--concurrency`), and the floor's senders |
| `BENCH_DATABASE_URL`, `BENCH_REDIS_URL` | as `make bench-web` | Redis is flushed first |
"""

import datetime as dt
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import metadata

from . import mail_floor, mail_report
from .environment import (
    DEFAULT_DATABASE_URL,
    DEFAULT_REDIS_URL,
    VAR_DIR,
    django_environment,
    ensure_database,
    flush_redis,
)
from .sink import SinkProcess
from .web import manage

BENCH_SUBJECT = "Benchmark issue"
SAVED_AUDIENCE = "bench_mail_saved_audience"


@dataclass(frozen=True)
class Options:
    database_url: str
    redis_url: str
    n: int = 20_000
    chunk_size: int = 500
    chains: int = 2
    concurrency: int = 2

    @classmethod
    def from_environment(cls):
        get = os.environ.get
        return cls(
            database_url=get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
            redis_url=get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
            n=int(get("BENCH_MAIL_N") or get("N") or 20_000),
            chunk_size=int(get("BENCH_MAIL_CHUNK_SIZE", "500")),
            chains=int(get("BENCH_MAIL_CHAINS", "2")),
            concurrency=int(get("BENCH_MAIL_CONCURRENCY", "2")),
        )

    def environment(self, smtp_port):
        return {
            **django_environment(self),
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "NEWSLETTER_RATE_LIMIT": "0",
            "NEWSLETTER_CHUNK_SIZE": str(self.chunk_size),
            "NEWSLETTER_PARALLEL_CHUNKS": str(self.chains),
        }


def main():
    options = Options.from_environment()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    seed = prepare(options)
    load_before = os.getloadavg()
    with SinkProcess() as sink:
        os.environ.update(options.environment(sink.port))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dsihub.settings")
        import django

        django.setup()
        measured = run(options, sink)
    results = {
        "date": dt.date.today().isoformat(),
        "machine": machine(options),
        "load_average": {"before": load_before[0], "after": os.getloadavg()[0]},
        "settings": {
            "chunk_size": options.chunk_size,
            "parallel_chunks": options.chains,
            "worker_concurrency": options.concurrency,
        },
        "seed": seed,
        **measured,
    }
    print(mail_report.summary(results))
    path = mail_report.save(results)
    say(f"Wrote {path.relative_to(mail_report.BASE_DIR)} and docs/benchmarks.md")


def prepare(options):
    """Database, schema and data; returns the seeding time if it seeded."""
    if ensure_database(options.database_url):
        say(f"Created database {options.database_url}")
    environment = django_environment(options)
    manage(environment, "migrate", "--noinput", "--verbosity=0")
    say("seed_demo --scale large (about a minute the first time)")
    started = time.monotonic()
    output = manage(environment, "seed_demo", "--scale=large")
    print(output, end="")
    return {"seconds": round(time.monotonic() - started, 1) if "Seeded in" in output else None}


def run(options, sink):
    """Floor, then pipeline, on one audience of N; everything put back afterwards."""
    restore_audience()
    delete_bench_issues()
    addresses = choose_audience(options.n)
    try:
        issue = create_bench_issue()
        message = sample_message(issue)
        floor = measure_floor(options, sink, addresses, message)
        pipeline = measure_pipeline(options, sink, issue, addresses)
    finally:
        restore_audience()
        delete_bench_issues()
    return {
        "n": options.n,
        "message_bytes": len(message),
        "floor": floor,
        "pipeline": pipeline,
        "ratio": round(pipeline["messages_per_second"] / floor["messages_per_second"], 3),
    }


# The audience --------------------------------------------------------------------------------


def choose_audience(n):
    """Make the first `n` seeded subscribers (active ones first) the only ones who want the
    newsletter, keeping a copy of what they wanted; returns their addresses."""
    from django.db import connection, transaction
    from django.db.models import Case, Value, When

    from demo.seeding.newsletter import seeded_subscribers

    active_first = Case(When(status="active", then=Value(0)), default=Value(1))
    chosen = list(
        seeded_subscribers()
        .filter(email__startswith="seed-subscriber-")
        .order_by(active_first, "pk")
        .values_list("pk", "email")[:n]
    )
    if len(chosen) < n:
        raise SystemExit(f"Only {len(chosen)} seeded subscribers; N={n} needs more.")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_mail_saved_audience AS "
            "SELECT id, status, wants_newsletter FROM newsletter_subscriber"
        )
        cursor.execute("UPDATE newsletter_subscriber SET wants_newsletter = false")
        cursor.execute(
            "UPDATE newsletter_subscriber SET wants_newsletter = true, status = 'active' "
            "WHERE id = ANY(%s)",
            [[pk for pk, _email in chosen]],
        )
    return [email for _pk, email in chosen]


def restore_audience():
    """Put back what every subscriber wanted before `choose_audience` (if it ran)."""
    from django.db import connection, transaction

    if SAVED_AUDIENCE not in connection.introspection.table_names():
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE newsletter_subscriber s SET status = saved.status, "
            "wants_newsletter = saved.wants_newsletter FROM bench_mail_saved_audience saved "
            "WHERE s.id = saved.id"
        )
        cursor.execute("DROP TABLE bench_mail_saved_audience")


# The issue and its message ---------------------------------------------------------------------


def create_bench_issue():
    """A draft like the one beat writes on the 25th: last month's stories, the coming events
    and funding deadlines, new listings; with an intro and a paragraph of body."""
    from django.utils import timezone

    from newsletter.models import NewsletterIssue
    from newsletter.sections import collect_sections
    from newsletter.services.drafts import month_bounds

    today = timezone.localdate()
    period_start, period_end = month_bounds(today.replace(day=1) - dt.timedelta(days=1))
    return NewsletterIssue.objects.create(
        subject=f"{BENCH_SUBJECT} {timezone.now():%Y-%m-%d %H:%M}",
        preheader="Stories, events and funding from the community",
        intro="<p>Hello from the DSI Hub team: what happened last month.</p>",
        body=[{"type": "paragraph", "value": "<p>" + "Digital social innovation. " * 20 + "</p>"}],
        sections=collect_sections(period_start, period_end),
        period_start=period_start,
        period_end=period_end,
    )


def sample_message(issue):
    """One subscriber's message of `issue`, as the bytes the SMTP backend would send."""
    from newsletter.models import Subscriber
    from newsletter.rendering import IssueMessages

    subscriber = Subscriber.objects.wanting_issues().filter(language="en").first()
    message, _message_id = IssueMessages(issue).message_for(subscriber)
    return message.message().as_bytes(linesep="\r\n")


def delete_bench_issues():
    from newsletter.models import NewsletterIssue

    NewsletterIssue.objects.filter(subject__startswith=BENCH_SUBJECT).delete()


# The measurements ------------------------------------------------------------------------------


def measure_floor(options, sink, addresses, message):
    from django.conf import settings

    say(f"floor: smtplib, {options.n:,} messages of {len(message):,} bytes")
    sink.reset()
    sent, seconds = mail_floor.measure(
        sink.port,
        sender=settings.NEWSLETTER_FROM_EMAIL,
        recipients=addresses,
        message=message,
        chunk_size=options.chunk_size,
        processes=options.concurrency,
    )
    check_each_once(sink, addresses)
    return rate(sent, seconds)


def measure_pipeline(options, sink, issue, addresses):
    from newsletter.services import dispatch

    flush_redis(options.redis_url)
    with CeleryWorker(options) as worker:
        say(f"pipeline: send_issue_now to {options.n:,} subscribers")
        sink.reset()
        started = time.monotonic()
        dispatch.send_issue_now(issue)
        seconds = wait_until_sent(issue, sink, options.n, worker) - started
    check_each_once(sink, addresses)
    return {**rate(options.n, seconds), "deliveries": issue.deliveries.counts()}


def wait_until_sent(issue, sink, n, worker):
    """The moment the issue is "sent" and the sink has `n` messages (polled every 50 ms)."""
    from newsletter.choices import IssueStatus

    deadline = time.monotonic() + 120 + n / 20
    while time.monotonic() < deadline:
        worker.check()
        issue.refresh_from_db(fields=["status"])
        if issue.status == IssueStatus.SENT and sink.stats()["messages"] >= n:
            return time.monotonic()
        time.sleep(0.05)
    raise SystemExit(f"Not sent in time: {issue.deliveries.counts()}, sink {sink.stats()}")


def check_each_once(sink, addresses):
    received = sink.recipients()
    wrong = {a: received.get(a, 0) for a in addresses if received.get(a, 0) != 1}
    extra = set(received) - set(addresses)
    if wrong or extra:
        raise SystemExit(f"Not exactly one message each: {len(wrong)} wrong, {len(extra)} extra")


def rate(messages, seconds):
    return {
        "messages": messages,
        "seconds": round(seconds, 2),
        "messages_per_second": round(messages / seconds, 1),
    }


class CeleryWorker:
    """`celery -A dsihub worker` for the length of a `with` block, ready when it answers."""

    def __init__(self, options):
        self.options = options
        self.log_path = VAR_DIR / "celery-mail.log"
        self.process = None

    def __enter__(self):
        command = [
            sys.executable, "-m", "celery", "-A", "dsihub", "worker",
            "--concurrency", str(self.options.concurrency), "--loglevel", "WARNING",
            "--without-gossip", "--without-mingle", "--hostname", "bench-mail@%h",
        ]  # fmt: skip
        log = self.log_path.open("w")
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
            command, cwd=mail_report.BASE_DIR, env=os.environ.copy(), stdout=log, stderr=log
        )
        self._wait_until_ready()
        return self

    def _wait_until_ready(self):
        from dsihub.celery import app

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            self.check()
            if app.control.ping(timeout=0.5):
                return
        raise SystemExit(f"The Celery worker did not answer; see {self.log_path}")

    def check(self):
        if self.process.poll() is not None:
            raise SystemExit(f"The Celery worker exited; see {self.log_path}")

    def __exit__(self, *exc_info):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def machine(options):
    from .environment import _cpu_model, _postgresql_version, _redis_version

    versions = {name: metadata.version(name) for name in ("django", "celery", "aiosmtpd")}
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "python": sys.version.split()[0],
        **versions,
        "postgresql": _postgresql_version(options.database_url),
        "redis": _redis_version(options.redis_url),
    }


def say(message):
    print(f"bench-mail: {message}", flush=True)


if __name__ == "__main__":
    main()
