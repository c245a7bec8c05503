"""RSS and Atom feeds of the published stories (/stories/feed.rss, /stories/feed.atom)."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import StoryIndexPage

FEED_SIZE = 20


def feed_view(feed_class):
    view = feed_class()
    view.cache_for_visitors = True
    return view


class StoriesRssFeed(Feed):
    description = _(
        "Blog posts and case studies from Europe's digital social innovation community."
    )

    def get_object(self, request, *args, **kwargs):
        index = StoryIndexPage.objects.live().first()
        if index is None:
            raise Http404
        return index

    def title(self, index):
        return f"{index.title} – DSI Hub"

    def link(self, index):
        return index.url

    def items(self, index):
        return list(index.stories().newest_first()[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(dt.datetime.combine(item.date, dt.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at


class StoriesAtomFeed(StoriesRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description
