from django.urls import path

from . import feeds, views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="event-list"),
    path("feed.ics", feeds.EventsCalendarFeed.as_view(), name="feed-ics"),
    path("feed.rss", feeds.EventsRssFeed(), name="feed-rss"),
    path("new/", views.EventCreateView.as_view(), name="event-create"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("<slug:slug>/edit/", views.EventEditView.as_view(), name="event-edit"),
    path("<slug:slug>/event.ics", feeds.EventCalendarDownload.as_view(), name="event-calendar"),
]
