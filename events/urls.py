from django.urls import path

from . import feeds
from .views import EventViews

app_name = "events"

urlpatterns = [
    *EventViews().urlpatterns(),
    path("feed.ics", feeds.EventsCalendarFeed.as_view(), name="feed-ics"),
    path("feed.rss", feeds.EventsRssFeed(), name="feed-rss"),
    path("<slug:slug>/event.ics", feeds.EventCalendarDownload.as_view(), name="event-calendar"),
]
