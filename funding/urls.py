from django.urls import path

from . import feeds, views

app_name = "funding"

urlpatterns = [
    path("", views.FundingCallListView.as_view(), name="index"),
    path("new/", views.FundingCallCreateView.as_view(), name="call-create"),
    path("saved/", views.SavedCallListView.as_view(), name="saved"),
    path("feed.rss", feeds.OpenCallsFeed(), name="feed-rss"),
    path("deadlines.ics", feeds.deadlines_calendar, name="deadlines-ics"),
    path("<slug:slug>/", views.FundingCallDetailView.as_view(), name="call-detail"),
    path("<slug:slug>/edit/", views.FundingCallEditView.as_view(), name="call-edit"),
    path("<slug:slug>/save/", views.save_call, name="call-save"),
    path("<slug:slug>/unsave/", views.unsave_call, name="call-unsave"),
]
