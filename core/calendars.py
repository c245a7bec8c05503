"""What every iCalendar feed of the hub shares (RFC 5545): host-independent UIDs and a calendar
that is never empty of components.

The UID's domain is `settings.CALENDAR_UID_DOMAIN` (by default SITE_URL's host name), never the
request's Host: a site reached as `localhost` and as `127.0.0.1` must give a subscriber the same
UIDs, or their calendar program shows every event twice.
"""

import functools

import icalendar
from django.conf import settings


def calendar_uid(local_part):
    """`<local_part>@<CALENDAR_UID_DOMAIN>`: stable across hosts, edits and feeds."""
    return f"{local_part}@{settings.CALENDAR_UID_DOMAIN}"


@functools.cache
def vtimezone(tzid):
    """The VTIMEZONE of `tzid`, or None for an unknown zone. Computed once per process (about
    20 ms a zone); shared by every calendar and never changed after it is made."""
    try:
        return icalendar.Timezone.from_tzid(tzid)
    except ValueError:
        return None


def add_timezones(calendar):
    """Put a VTIMEZONE for every TZID the calendar uses in front of its events; an otherwise
    empty calendar gets the site's own zone, since RFC 5545 §3.6 wants at least one component."""
    tzids = sorted(calendar.get_missing_tzids())
    if not calendar.subcomponents:
        tzids = [settings.TIME_ZONE]
    for index, tzid in enumerate(tzids):
        if (component := vtimezone(tzid)) is not None:
            calendar.subcomponents.insert(index, component)
    return calendar
