"""RSS and Atom feeds of the published stories (/stories/feed.rss, /stories/feed.atom)."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

FEED_SIZE = 20


class StoriesRssFeed(Feed):
    description = _(
        "Blog posts and case studies from Europe's digital social innovation community."
    )

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index_page.title} – DSI Hub"

    def link(self):
        return self.index_page.get_url(self.request)

    def items(self):
        return list(self.index_page.stories().newest_first()[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(dt.datetime.combine(item.date, dt.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at


class StoriesAtomFeed(StoriesRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description
