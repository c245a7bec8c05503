"""Events as iCalendar (RFC 5545), with the `icalendar` package.

Each event keeps its own time zone (DTSTART;TZID=… with a VTIMEZONE for every zone used), a
UID that never changes (`event-<pk>@<CALENDAR_UID_DOMAIN>`, whatever host the feed was fetched
by) and, when it repeats, its RRULE.
"""

import datetime as dt

import icalendar
from django.utils import timezone

from core.calendars import add_timezones, calendar_uid
from moderation.richtext import sanitise_html

PRODID = "-//DSI Hub//Events//EN"


def calendar_for(events, *, absolute, name):
    """One VCALENDAR holding `events`; `absolute(path)` makes the links absolute."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for event in events:
        calendar.add_component(_vevent(event, absolute=absolute, stamp=stamp))
    return add_timezones(calendar).to_ical()


def uid_for(event):
    return calendar_uid(f"event-{event.pk}")


def _vevent(event, *, absolute, stamp):
    vevent = icalendar.Event()
    vevent.add("uid", uid_for(event))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start.astimezone(event.zone))
    vevent.add("dtend", event.end.astimezone(event.zone))
    if event.rrule:
        vevent.add("rrule", icalendar.vRecur.from_ical(event.rrule))
    vevent.add("summary", event.title)
    vevent.add("description", _description(event))
    vevent.add("url", absolute(event.get_absolute_url()))
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at.astimezone(dt.UTC))
    location = _location(event)
    if location:
        vevent.add("location", location)
    if event.city_id:
        vevent.add("geo", (float(event.city.latitude), float(event.city.longitude)))
    return vevent


def _description(event):
    text = event.summary
    links = [event.registration_url, event.online_url]
    return "\n\n".join([text, *[link for link in links if link]])


def _location(event):
    parts = [event.venue, event.address, str(event.city) if event.city_id else ""]
    if not event.is_placed:
        parts = [event.online_url]
    return ", ".join(part for part in parts if part)


def plain_summary(event):
    """The event's text for feeds that take HTML (RSS): its sanitised description or summary."""
    return sanitise_html(event.body) or event.summary
