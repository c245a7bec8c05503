"""RSS and Atom feeds of the published stories (/stories/feed.rss, /stories/feed.atom)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import StoryIndexPage
from .structured_data import published_at

FEED_SIZE = 20


def feed_view(feed_class):
    view = feed_class()
    view.cache_for_visitors = True
    return view


class StoriesRssFeed(Feed):
    # RFC 4287 §4.1.1: an Atom feed whose entries name no author must name one itself.
    author_name = "DSI Hub"
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

    def item_author_name(self, item):
        return self.author_name

    def item_pubdate(self, item):
        return published_at(item)

    def item_updateddate(self, item):
        """Never before `published` (a story dated after its last publication, or published
        before nine on its date, would have been updated before it was published)."""
        published = self.item_pubdate(item)
        return max(item.last_published_at or published, published)


class StoriesAtomFeed(StoriesRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description
