"""Newsletter subscribers at scale, and the demo site's sample issue.

The large scale adds 100,000 subscribers with varied preferences: about 85 % active, the rest
waiting for confirmation, unsubscribed or bounced; 80 % want the monthly newsletter and 50 %
the event digest; none to three clusters and countries (drawn like the listings' places, so
mostly European) and a language weighted to English. Each has the consent records its status
implies (asked, confirmed, unsubscribed or suppressed), and a bounced one its hard bounce.

100,000 rows through `bulk_create` would take about 10 s; PostgreSQL's COPY (psycopg's
`cursor.copy`) writes subscribers, consent records, bounces and cluster links in about 3 s.
Seeded addresses are `seed-subscriber-<n>@seed.example.org` (the demo site's are
`seed-demo-subscriber-<n>@…`), so `--reset` deletes them and nothing else.
"""

import datetime as dt
import json
import uuid

from django.db import connection, models

from clusters.models import Cluster
from newsletter.choices import (
    BounceKind,
    ConsentAction,
    DeliveryKind,
    DeliveryStatus,
    IssueStatus,
    SubscriberStatus,
)
from newsletter.models import Bounce, ConsentRecord, Delivery, NewsletterIssue, Subscriber
from newsletter.services.subscriptions import CONSENT_WORDING_VERSION

from . import SEED_EMAIL_DOMAIN, SEED_PREFIX

STATUSES = {
    SubscriberStatus.ACTIVE: 85,
    SubscriberStatus.PENDING: 4,
    SubscriberStatus.UNSUBSCRIBED: 8,
    SubscriberStatus.BOUNCED: 3,
}
LANGUAGES = {"en": 40, "de": 12, "fr": 12, "es": 10, "it": 8, "nl": 7, "pl": 7, "ca": 4}
WANTS_NEWSLETTER, WANTS_DIGEST = 0.8, 0.5
SPREAD_DAYS = 3 * 365
SAMPLE_SUBJECT = "Sample issue: "
SMALL_SUBSCRIBERS = 8


def subscriber_address(number, *, label="subscriber"):
    return f"{SEED_PREFIX}{label}-{number}@{SEED_EMAIL_DOMAIN}"


def seeded_subscribers():
    """Every seeded subscriber, large scale and demo site alike."""
    return Subscriber.objects.filter(
        email__startswith=SEED_PREFIX, email__endswith=f"@{SEED_EMAIL_DOMAIN}"
    )


def seed_subscribers(rng, count, *, now, places, label="subscriber"):
    """`count` subscribers with their clusters, consent records and bounces; returns how many."""
    clusters = list(Cluster.objects.order_by("pk").values_list("pk", "slug"))
    statuses = rng.choices(list(STATUSES), weights=list(STATUSES.values()), k=count)
    languages = rng.choices(list(LANGUAGES), weights=list(LANGUAGES.values()), k=count)
    drawn = [
        _draw(rng, number, status, language, now, places, clusters)
        for number, status, language in zip(range(1, count + 1), statuses, languages, strict=True)
    ]
    _copy(Subscriber, [_subscriber_row(row, label) for row in drawn])
    ids = _ids_by_number(label)
    through = Subscriber.clusters.through
    _copy(through, [(ids[row["number"]], pk) for row in drawn for pk, _slug in row["clusters"]])
    _copy(ConsentRecord, [record for row in drawn for record in _consents(row, ids)])
    _copy(Bounce, [_bounce(row, ids) for row in drawn if row["status"] == "bounced"])
    return count


def _draw(rng, number, status, language, now, places, clusters):
    days = rng.uniform(0, 20) if status == SubscriberStatus.PENDING else rng.uniform(0, SPREAD_DAYS)
    created = now - dt.timedelta(days=days)
    confirmed = created + dt.timedelta(hours=rng.uniform(0, 48))
    return {
        "number": number,
        "status": status,
        "key": uuid.UUID(int=rng.getrandbits(128), version=4),
        "language": language,
        "newsletter": rng.random() < WANTS_NEWSLETTER,
        "digest": rng.random() < WANTS_DIGEST,
        "clusters": rng.sample(clusters, k=min(len(clusters), rng.randint(0, 3))),
        "countries": sorted({places.pick()[2] for _ in range(rng.randint(0, 3))}),
        "created": created,
        "confirmed": None if status == SubscriberStatus.PENDING else confirmed,
        "left": created + (now - created) * rng.uniform(0.2, 1.0),
    }


def _subscriber_row(row, label):
    status = row["status"]
    return {
        "email": subscriber_address(row["number"], label=label),
        "key": row["key"],
        "status": status,
        "language": row["language"],
        "wants_newsletter": row["newsletter"],
        "wants_digest": row["digest"],
        "countries": ",".join(row["countries"]),
        "created_at": row["created"],
        "confirmed_at": row["confirmed"],
        "confirmation_sent_at": row["created"],
        "unsubscribed_at": row["left"] if status == "unsubscribed" else None,
    }


def _consents(row, ids):
    """What a subscriber in `row`'s state went through: asked, confirmed, then left or bounced."""
    steps = [(ConsentAction.SUBSCRIBE, row["created"], SubscriberStatus.PENDING)]
    if row["confirmed"]:
        steps.append((ConsentAction.CONFIRM, row["confirmed"], SubscriberStatus.ACTIVE))
    if row["status"] == SubscriberStatus.UNSUBSCRIBED:
        steps.append((ConsentAction.UNSUBSCRIBE, row["left"], row["status"]))
    elif row["status"] == SubscriberStatus.BOUNCED:
        steps.append((ConsentAction.BOUNCE, row["left"], row["status"]))
    for action, at, status in steps:
        yield {
            "subscriber_id": ids[row["number"]],
            "action": action,
            "at": at,
            "wording_version": CONSENT_WORDING_VERSION,
            "preferences": json.dumps(_snapshot(row, status)),
        }


def _snapshot(row, status):
    """What `preferences_snapshot` records, for a row not saved through the ORM."""
    return {
        "status": str(status),
        "language": row["language"],
        "monthly_newsletter": row["newsletter"],
        "event_digest": row["digest"],
        "clusters": sorted(slug for _pk, slug in row["clusters"]),
        "countries": row["countries"],
    }


def _bounce(row, ids):
    return {
        "subscriber_id": ids[row["number"]],
        "kind": BounceKind.HARD,
        "at": row["left"],
        "event_id": "",
        "description": "550 5.1.1 mailbox unavailable (seeded)",
    }


def _copy(model, rows):
    """COPY `rows` (dicts of column values, or tuples in the table's column order without the
    id) into `model`'s table."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    if isinstance(first, dict):
        columns = list(first)
    else:
        columns = [f.column for f in model._meta.local_concrete_fields if not f.primary_key]
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    table = connection.ops.quote_name(model._meta.db_table)
    if connection.vendor != "postgresql":
        _insert(model, table, names, columns, (first, *rows))
        return
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
    ):
        for row in (first, *rows):
            copy.write_row(list(row.values()) if isinstance(row, dict) else row)


def _insert(model, table, names, columns, rows):
    """The embedded SQLite of `make run` has no COPY: plain INSERTs of the same rows (the demo
    scale writes a handful). Datetimes and UUIDs take the backend's own column format."""
    fields = {field.column: field for field in model._meta.local_concrete_fields}
    adapted = [
        isinstance(fields[column], models.DateTimeField | models.UUIDField) for column in columns
    ]
    placeholders = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({placeholders})",  # noqa: S608 - names from model metadata
            [
                [
                    fields[column].get_db_prep_value(value, connection) if adapt else value
                    for column, adapt, value in zip(
                        columns,
                        adapted,
                        row.values() if isinstance(row, dict) else row,
                        strict=True,
                    )
                ]
                for row in rows
            ],
        )


def _ids_by_number(label):
    prefix = f"{SEED_PREFIX}{label}-"
    rows = seeded_subscribers().filter(email__startswith=prefix).values_list("pk", "email")
    return {int(email[len(prefix) :].split("@")[0]): pk for pk, email in rows}


def delete_seeded_subscribers():
    """Delete seeded subscribers with their consent records, bounces, cluster links and
    deliveries, and the sample issue: one statement per table (Django's cascade would load
    and signal 100,000 subscribers one by one first). Returns how many subscribers."""
    sample_issues().delete()
    seeded = seeded_subscribers().values("pk")
    sql, params = seeded.query.sql_with_params()
    dependents = (Delivery, ConsentRecord, Bounce, Subscriber.clusters.through)
    with connection.cursor() as cursor:
        for model in dependents:
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"DELETE FROM {table} WHERE subscriber_id IN ({sql})", params)  # noqa: S608 - table names from model metadata, values are parameters
        table = connection.ops.quote_name(Subscriber._meta.db_table)
        cursor.execute(f"DELETE FROM {table} WHERE id IN ({sql})", params)  # noqa: S608 - as above
        return cursor.rowcount


# The demo site (`--scale small`) ------------------------------------------------------------


def seed_demo_subscribers(rng, *, now, places):
    """A handful of subscribers for the admin's subscriber list, once; returns how many."""
    if seeded_subscribers().exists():
        return 0
    return seed_subscribers(rng, SMALL_SUBSCRIBERS, now=now, places=places, label="demo-subscriber")


def sample_issues():
    return NewsletterIssue.objects.filter(subject__startswith=SAMPLE_SUBJECT)


def seed_sample_issue(*, now):
    """One issue marked as sent last month, so /newsletter/archive/ shows something; its
    deliveries went to the active demo subscribers who want it. Once; returns it or None."""
    from newsletter.sections import collect_sections
    from newsletter.services.drafts import month_bounds

    if sample_issues().exists():
        return None
    period_start, period_end = month_bounds(now.date().replace(day=1) - dt.timedelta(days=1))
    sent_at = now.replace(day=1, hour=9, minute=0, second=0)
    issue = NewsletterIssue.objects.create(
        subject=f"{SAMPLE_SUBJECT}DSI newsletter, {period_end:%B %Y}",
        preheader="A sample issue of the demo site",
        intro="<p>This is a <b>sample issue</b> written by <code>seed_demo</code>: "
        "what last month brought to the hub.</p>",
        sections=collect_sections(period_start, period_end),
        period_start=period_start,
        period_end=period_end,
        status=IssueStatus.SENT,
        send_at=sent_at,
        sending_started_at=sent_at,
        sent_at=sent_at,
    )
    issue.save_revision()
    Delivery.objects.bulk_create(
        Delivery(
            kind=DeliveryKind.ISSUE,
            issue=issue,
            subscriber_id=pk,
            status=DeliveryStatus.SENT,
            attempts=1,
            next_attempt_at=sent_at,
            sent_at=sent_at,
        )
        for pk in seeded_subscribers().wanting_issues().values_list("pk", flat=True)
    )
    return issue
