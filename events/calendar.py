"""Events as iCalendar (RFC 5545), with the `icalendar` package.

Each event keeps its own time zone (DTSTART;TZID=… with a VTIMEZONE for every zone used), a
UID that never changes (`event-<pk>@<host>`) and, when it repeats, its RRULE.
"""

import datetime as dt
import functools

import icalendar
from django.utils import timezone

from moderation.richtext import sanitise_html

PRODID = "-//DSI Hub//Events//EN"


def calendar_for(events, *, host, absolute, name):
    """One VCALENDAR holding `events`; `absolute(path)` makes the links absolute."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for event in events:
        calendar.add_component(_vevent(event, host=host, absolute=absolute, stamp=stamp))
    # like calendar.add_missing_timezones(), but each zone's VTIMEZONE is computed once per
    # process: computing its transitions costs about 20 ms a zone, over a second for a feed
    for index, tzid in enumerate(sorted(calendar.get_missing_tzids())):
        vtimezone = _vtimezone(tzid)
        if vtimezone is not None:
            calendar.subcomponents.insert(index, vtimezone)
    return calendar.to_ical()


@functools.cache
def _vtimezone(tzid):
    """The VTIMEZONE of `tzid` (shared by every calendar; never changed after it is made)."""
    try:
        return icalendar.Timezone.from_tzid(tzid)
    except ValueError:
        return None


def uid_for(event, host):
    return f"event-{event.pk}@{host}"


def _vevent(event, *, host, absolute, stamp):
    vevent = icalendar.Event()
    vevent.add("uid", uid_for(event, host))
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
