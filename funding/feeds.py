"""Feeds of open calls: RSS (newest first) and an iCalendar file of closing dates."""

import datetime as dt

import icalendar
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.calendars import add_timezones, calendar_uid

from .models import FundingCall

FEED_SIZE = 50


def _open_calls():
    return FundingCall.objects.published().open().for_cards()


class OpenCallsFeed(Feed):
    title = gettext_lazy("DSI Hub: funding and support calls")
    description = gettext_lazy("Open calls for digital social innovators, newest first.")
    cache_for_visitors = True

    def link(self):
        return reverse("funding:index")

    def items(self):
        return _open_calls().order_by("-first_published_at", "-pk")[:FEED_SIZE]

    def item_title(self, call):
        return call.title

    def item_description(self, call):
        if call.closes_on:
            deadline = _("Closes on %(date)s.") % {"date": call.closes_on.isoformat()}
        else:
            deadline = _("Rolling: apply any time.")
        return f"{call.summary} {deadline}"

    def item_pubdate(self, call):
        return call.first_published_at

    def item_author_name(self, call):
        return call.funder_name


def call_uid(call):
    """Stable across edits and feeds: the row's id, never the title or the date."""
    return calendar_uid(f"funding-call-{call.pk}")


def deadlines_calendar(request):
    """/funding/deadlines.ics: one all-day event on each open call's closing date."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//DSI Hub//Funding deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("DSI Hub funding deadlines"))
    stamp = timezone.now()
    calls = _open_calls().filter(closes_on__isnull=False).by_deadline()
    for call in calls:
        calendar.add_component(_deadline_event(request, call, stamp))
    response = HttpResponse(
        add_timezones(calendar).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="dsihub-funding-deadlines.ics"'
    return response


deadlines_calendar.cache_for_visitors = True  # the same file for every visitor (page cache)


def _deadline_event(request, call, stamp):
    event = icalendar.Event()
    event.add("uid", call_uid(call))
    event.add("dtstamp", stamp)
    event.add("dtstart", call.closes_on)
    event.add("dtend", call.closes_on + dt.timedelta(days=1))
    event.add("summary", _("Deadline: %(title)s") % {"title": call.title})
    event.add("description", call.summary)
    event.add("url", request.build_absolute_uri(call.get_absolute_url()))
    event.add("transp", "TRANSPARENT")
    return event
