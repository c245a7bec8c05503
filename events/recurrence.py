"""Occurrences of an event: one, or a weekly/monthly RFC 5545 rule with an end (UNTIL or COUNT).

Rules are expanded by python-dateutil in the event's own time zone, so a meeting at 18:00 in
Brussels stays at 18:00 across the change to summer time. Times go out in UTC.
"""

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from dateutil.rrule import MONTHLY, WEEKLY, rrule

from listings.dates import LATEST_YEAR

from .choices import Frequency

MAX_COUNT = 104  # two years of weekly meetings
FREQUENCIES = {Frequency.WEEKLY: WEEKLY, Frequency.MONTHLY: MONTHLY}


def zone_named(name):
    """The ZoneInfo for an IANA name, or None when there is no such zone.

    Any zone of the tz database is read (a row saved before only canonical zones were accepted
    keeps its zone); what forms and the model accept is `canonical_zone_names()`.
    """
    if not name or name not in _loadable_zone_names():
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


@cache
def _loadable_zone_names():
    return frozenset(available_timezones())


def rule_for(event):
    """The dateutil rule of a recurring `event` (start in its own zone), or None."""
    zone = zone_named(event.timezone)
    if not event.recurrence or zone is None or event.start is None:
        return None
    options = {"dtstart": event.start.astimezone(zone)}
    if event.recurrence_count:
        options["count"] = min(event.recurrence_count, MAX_COUNT)
    elif event.recurrence_until:
        # Never past the last year the forms accept: a rule running to year 9999 would step
        # beyond what datetime can hold.
        until = min(event.recurrence_until, dt.date(LATEST_YEAR, 12, 31))
        options["until"] = dt.datetime.combine(until, dt.time.max, tzinfo=zone)
    else:
        options["count"] = 1
    return rrule(FREQUENCIES[event.recurrence], **options)


def rrule_text(event):
    """The RRULE value for iCalendar ("FREQ=MONTHLY;COUNT=6"), or "" for a one-off event."""
    if not event.recurrence:
        return ""
    parts = [f"FREQ={event.recurrence}"]
    if event.recurrence_count:
        parts.append(f"COUNT={event.recurrence_count}")
    elif event.recurrence_until:
        zone = zone_named(event.timezone) or dt.UTC
        until = dt.datetime.combine(event.recurrence_until, dt.time(23, 59, 59), tzinfo=zone)
        parts.append(f"UNTIL={until.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}")
    return ";".join(parts)


def occurrence_window(event, now):
    """(start of the next occurrence that has not ended, end of the last occurrence), in UTC.

    When every occurrence is over, the "next" start is the last one's (the archive sorts by it).
    A row whose dates sit at the calendar's edge (older than the forms' range check) counts as
    its first occurrence only, rather than overflowing.
    """
    try:
        return _occurrence_window(event, now)
    except OverflowError:
        return event.start, event.end


def _occurrence_window(event, now):
    duration = event.end - event.start
    rule = rule_for(event)
    if rule is None:
        return event.start, event.end
    starts = list(rule)
    last_start = starts[-1] if starts else event.start
    upcoming = next((start for start in starts if start + duration >= now), last_start)
    return upcoming.astimezone(dt.UTC), (last_start + duration).astimezone(dt.UTC)
