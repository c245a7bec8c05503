"""The clock for beat schedules fixed in UTC (module-level, so beat can pickle it)."""

from datetime import UTC, datetime


def utc_now():
    return datetime.now(UTC)
