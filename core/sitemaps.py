"""/sitemap.xml and /robots.txt, and the sitemap registry every public kind registers with.

An app adds its section from its `AppConfig.ready()` (or its `registrations.py`):
`register_published_sitemap("events", Event, order=40)` lists the published rows of a moderated
model (`Model.objects.published()`, each row's `get_absolute_url()`), `register_sitemap("pages",
SitemapClass, order=10)` any Django sitemap. Sections appear in `order`, then by key.
"""

from dataclasses import dataclass

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import reverse

from .page_cache import cache_for_visitors


@dataclass(frozen=True)
class SitemapSection:
    key: str
    sitemap: object  # a django.contrib.sitemaps.Sitemap class or instance
    order: int = 100


_sections = {}


def register_sitemap(key, sitemap, *, order=100):
    _sections[key] = SitemapSection(key, sitemap, order)


class PublishedSitemap(Sitemap):
    """The published rows of a moderated model, read afresh at each request."""

    changefreq = "weekly"

    def __init__(self, model, date_field):
        self.model = model
        self.date_field = date_field

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return getattr(item, self.date_field)


def register_published_sitemap(key, model, *, order=100, date_field="last_published_at"):
    register_sitemap(key, PublishedSitemap(model, date_field), order=order)


def sitemaps():
    """{key: sitemap} of every registered section, in order."""
    ordered = sorted(_sections.values(), key=lambda section: (section.order, section.key))
    return {section.key: section.sitemap for section in ordered}


@cache_for_visitors
def sitemap_xml(request):
    """One sitemap (Django pages it beyond 50,000 addresses: ?p=2)."""
    return sitemap(request, sitemaps())


@cache_for_visitors
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /accounts/",
        "Disallow: /media-pending/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
