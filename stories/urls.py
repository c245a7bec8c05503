from django.urls import include, path

from . import views
from .feeds import StoriesAtomFeed, StoriesRssFeed, feed_view

app_name = "stories"

urlpatterns = [
    path("resources/", include(views.ResourceViews().urlpatterns())),
    path("stories/feed.rss", feed_view(StoriesRssFeed), name="feed-rss"),
    path("stories/feed.atom", feed_view(StoriesAtomFeed), name="feed-atom"),
]
