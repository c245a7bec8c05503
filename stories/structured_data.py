"""schema.org description of a story (an Article), rendered as JSON-LD on its page."""

import datetime as dt

from django.utils import timezone

PUBLISHER = {"@type": "Organization", "name": "DSI Hub"}


def published_at(page):
    """When a story counts as published: nine in the morning (the site's zone) of its date, as
    in the feeds; a full date and time, which Google wants for `datePublished`."""
    return timezone.make_aware(dt.datetime.combine(page.date, dt.time(9)))


def article_data(page, *, url, image_url=None, authors=()):
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.seo_title or page.title,
        "description": page.search_description or page.intro,
        "url": url,
        "datePublished": published_at(page).isoformat(),
        "publisher": PUBLISHER,
        # case studies are written by the hub's editors: the hub is their author
        "author": [{"@type": "Person", "name": name} for name in authors] or [PUBLISHER],
    }
    if page.last_published_at:
        modified = max(page.last_published_at, published_at(page))
        data["dateModified"] = modified.isoformat()
    if image_url:
        data["image"] = image_url
    return data
