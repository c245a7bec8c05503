"""A cluster's calendar feed, under /clusters/ (clusters knows nothing of events)."""

from django.urls import path

from . import feeds

app_name = "cluster_events"

urlpatterns = [
    path("<slug:slug>/events.ics", feeds.ClusterCalendarFeed.as_view(), name="feed-ics"),
]
