"""Events at scale: spread over a year before and after today, in the time zones of their
cities, some repeating weekly or monthly, most tied to a cluster or an organiser.

Bulk inserts only (no `save()`, no revisions): each row's next occurrence is derived before
the insert, as `Event.save()` would. Seeded events have slugs starting with `seed-`.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from clusters.models import Cluster
from events.choices import EventFormat, Frequency
from events.models import Event
from organisations.models import Organisation
from taxonomy.models import Place

from . import SEED_PREFIX, add_links

BATCH_SIZE = 2000
SPREAD_DAYS = 365
FORMATS = {EventFormat.IN_PERSON: 60, EventFormat.ONLINE: 25, EventFormat.HYBRID: 15}
RECURRING_SHARE = 0.1
DRAFT_SHARE = 0.03
KINDS = ["meetup", "workshop", "hackathon", "conference", "open day", "webinar", "summit"]


def seed_events(context, count):
    """`count` events with their clusters and areas; returns them."""
    clusters = list(Cluster.objects.values_list("pk", "area_id"))
    organisers = list(
        Organisation.objects.published()
        .filter(slug__startswith=SEED_PREFIX)
        .order_by("pk")
        .values_list("pk", flat=True)[:2000]
    )
    places = [context.places.pick() for _ in range(count)]
    zones = dict(Place.objects.filter(pk__in={p[0] for p in places}).values_list("pk", "timezone"))
    rows = [
        _event(context, number, place, zones.get(place[0]) or "UTC", clusters, organisers)
        for number, place in enumerate(places, start=1)
    ]
    Event.objects.bulk_create([event for event, _c, _a in rows], batch_size=BATCH_SIZE)
    add_links(Event, "clusters", [(e.pk, c) for e, cs, _a in rows for c in cs])
    add_links(Event, "areas", [(e.pk, a) for e, _c, areas in rows for a in areas])
    return [event for event, _c, _a in rows]


def _event(context, number, place, zone_name, clusters, organisers):
    rng = context.rng
    place_id, city, country = place
    kind = rng.choice(KINDS)
    title = f"{city} {' '.join(context.writer.words(2)).title()} {kind}"[:200]
    event_format = rng.choices(list(FORMATS), weights=list(FORMATS.values()))[0]
    start = _start(context, ZoneInfo(zone_name))
    hours = rng.choice([1, 2, 2, 3, 4, 8]) if kind != "conference" else 24 * rng.randint(1, 3)
    chosen = rng.sample(clusters, k=rng.choice([0, 1, 1, 2]))
    areas = {area for _cluster, area in chosen} or {context.vocabularies.draw()["areas"][0]}
    event = Event(
        title=title,
        slug=f"{SEED_PREFIX}{slugify(title)[:180] or 'event'}-{number}",
        summary=f"A {kind} in {city} for people working on digital social innovation.",
        body=context.writer.rich_text(rng.randint(1, 3)),
        start=start,
        end=start + dt.timedelta(hours=hours),
        timezone=zone_name,
        format=event_format,
        venue=f"{context.writer.words(1)[0].title()} Hall" if event_format != "online" else "",
        country=country if event_format != "online" else "",
        city_id=place_id if event_format != "online" else None,
        online_url="https://meet.example.org/" + slugify(title)[:40]
        if event_format != "in_person"
        else "",
        registration_url="https://tickets.example.org/" + str(number) if rng.random() < 0.6 else "",
        is_free=rng.random() < 0.5,
        organiser_id=rng.choice(organisers) if organisers and rng.random() < 0.4 else None,
        **_recurrence(context),
        **_publication(context, start),
    )
    event.refresh_occurrences(context.now)
    return event, [cluster for cluster, _area in chosen], areas


def _start(context, zone):
    day = context.now.date() + dt.timedelta(days=context.rng.randint(-SPREAD_DAYS, SPREAD_DAYS))
    return dt.datetime.combine(
        day, dt.time(context.rng.randint(8, 20), context.rng.choice([0, 30])), zone
    )


def _recurrence(context):
    if context.rng.random() >= RECURRING_SHARE:
        return {}
    frequency = context.rng.choice([Frequency.WEEKLY, Frequency.MONTHLY])
    return {"recurrence": frequency, "recurrence_count": context.rng.randint(3, 12)}


def _publication(context, start):
    if context.rng.random() < DRAFT_SHARE:
        return {"live": False, "has_unpublished_changes": True}
    published = min(context.now, start - dt.timedelta(days=context.rng.randint(1, 90)))
    return {
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": published,
        "last_published_at": published,
    }


def delete_seeded_events():
    _total, per_model = Event.objects.filter(slug__startswith=SEED_PREFIX).delete()
    return per_model.get(Event._meta.label, 0)


def seeded_event_count():
    return Event.objects.filter(slug__startswith=SEED_PREFIX).count()
