from django.urls import path

from . import feeds, saved_views
from .views import FundingViews

app_name = "funding"

urlpatterns = [
    path("saved/", saved_views.SavedCallListView.as_view(), name="saved"),
    *FundingViews().urlpatterns(),
    path("feed.rss", feeds.OpenCallsFeed(), name="feed-rss"),
    path("deadlines.ics", feeds.deadlines_calendar, name="deadlines-ics"),
    path("<slug:slug>/save/", saved_views.save_call, name="call-save"),
    path("<slug:slug>/unsave/", saved_views.unsave_call, name="call-unsave"),
]
