"""Subscribable feeds: /events/feed.ics, /clusters/<slug>/events.ics and /events/feed.rss.

Feeds show published upcoming events only (at most FEED_SIZE, the soonest first) and are the
same for every visitor, so they are kept by the anonymous page cache.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View

from clusters.models import Cluster
from core.content_version import cached

from .calendar import calendar_for, plain_summary
from .models import Event

FEED_SIZE = 500


def upcoming_for_feed(events=None, size=FEED_SIZE):
    """The soonest `size` published upcoming events (of `events`, default all)."""
    events = Event.objects.all() if events is None else events
    return events.published().upcoming().select_related("city")[:size]


class CalendarResponseMixin:
    cache_for_visitors = True
    download = False

    def calendar_response(self, events, *, name, filename):
        body = cached(
            "calendar",
            (self.request.build_absolute_uri("/"), filename, str(name), get_language()),
            lambda: self.calendar_body(events, name=name),
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        disposition = "attachment" if self.download else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
        return response

    def calendar_body(self, events, *, name):
        """The serialised calendar. It is kept until the content changes (it takes about half a
        second for FEED_SIZE events), so events that have just ended leave it within the
        cache's expiry, as with the page cache."""
        return calendar_for(
            events,
            absolute=self.request.build_absolute_uri,
            name=name,
        )


class EventsCalendarFeed(CalendarResponseMixin, View):
    def get(self, request):
        return self.calendar_response(
            upcoming_for_feed(), name=_("DSI Hub events"), filename="dsihub-events.ics"
        )


class ClusterCalendarFeed(CalendarResponseMixin, View):
    def get(self, request, slug):
        cluster = get_object_or_404(Cluster, slug=slug)
        events = upcoming_for_feed(Event.objects.for_cluster(cluster))
        name = _("DSI Hub: %(cluster)s events") % {"cluster": cluster.title}
        return self.calendar_response(events, name=name, filename=f"{cluster.slug}-events.ics")


class EventCalendarDownload(CalendarResponseMixin, View):
    """One event as an .ics file: "Add to calendar"."""

    download = True

    def get(self, request, slug):
        event = get_object_or_404(Event.objects.published().select_related("city"), slug=slug)
        return self.calendar_response([event], name=event.title, filename=f"{event.slug}.ics")


class EventsRssFeed(Feed):
    cache_for_visitors = True
    title = gettext_lazy("DSI Hub: upcoming events")
    description = gettext_lazy("Events of the digital social innovation community.")

    def link(self):
        from django.urls import reverse

        return reverse("events:event-list")

    def items(self):
        return upcoming_for_feed(size=50)

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        return plain_summary(event)

    def item_pubdate(self, event):
        return event.first_published_at

    def item_guid(self, event):
        return f"event-{event.pk}"

    item_guid_is_permalink = False
