"""Keeping recurring events on their next occurrence (the hourly beat task)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from events.models import Event
from events.tasks import refresh_occurrences_task
from tests.factories.events import EventFactory, days_from_now

pytestmark = pytest.mark.django_db


def test_refresh_moves_a_weekly_event_to_its_next_occurrence_and_drops_cached_pages(client):
    start = days_from_now(1, hour=9)
    event = EventFactory(
        title="Standup",
        start=start,
        end=start + dt.timedelta(hours=1),
        recurrence="WEEKLY",
        recurrence_count=4,
    )
    # The stored occurrence is the first one; a week and a half later it is over.
    later = start + dt.timedelta(days=10)
    Event.objects.filter(pk=event.pk).update(next_start=start)

    from events.services import refresh_occurrences

    assert refresh_occurrences(now=later) == 1
    event.refresh_from_db()
    assert event.next_start == start + dt.timedelta(days=14)
    assert refresh_occurrences(now=later) == 0


def test_refresh_task_leaves_one_off_events_alone():
    event = EventFactory(start=days_from_now(-5))
    before = (event.next_start, event.last_end)

    assert refresh_occurrences_task.delay().get() == 0

    event.refresh_from_db()
    assert (event.next_start, event.last_end) == before


def test_last_end_of_a_counted_monthly_event_is_its_last_occurrence():
    zone = ZoneInfo("America/New_York")
    start = dt.datetime(dt.date.today().year + 1, 1, 5, 19, tzinfo=zone)
    event = EventFactory(
        start=start,
        end=start + dt.timedelta(hours=2),
        timezone="America/New_York",
        recurrence="MONTHLY",
        recurrence_count=3,
    )

    assert event.next_start == start
    assert event.last_end == dt.datetime(start.year, 3, 5, 21, tzinfo=zone)  # EST to EDT
