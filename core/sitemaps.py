"""The sitemaps (/sitemap.xml, an index of one sitemap per section), /robots.txt, and the sitemap
registry every public kind registers with.

An app adds its section from its `AppConfig.ready()` (or its `registrations.py`):
`register_published_sitemap("events", Event, order=40)` lists the published rows of a moderated
model (`Model.objects.published()`, each row's `get_absolute_url()`), `register_sitemap("pages",
SitemapClass, order=10)` any `LocalisedSitemap`. Sections appear in the index in `order`, then by
key; each is its own file (`/sitemap-<key>.xml`), paged at 50,000 addresses (`?p=2`, listed in
the index only when the section has a second page).

Every address is listed once per language of `LANGUAGES` (the i18n_patterns prefix, none for the
default language), each with `xhtml:link rel="alternate" hreflang` to all of them and `x-default`.
Addresses take the host the sitemap was asked by, like every absolute address the hub builds
from a request (canonical, og:url, JSON-LD), so one answer never mixes two hosts.
"""

import copy
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import index, sitemap
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language

from .page_cache import cache_for_visitors


@dataclass(frozen=True)
class SitemapSection:
    key: str
    sitemap: object  # a django.contrib.sitemaps.Sitemap class or instance
    order: int = 100


_sections = {}


def register_sitemap(key, sitemap, *, order=100):
    _sections[key] = SitemapSection(key, sitemap, order)


def localised_path(path, language=None):
    """`path` in `language` (default: the active one), as i18n_patterns serves it: the default
    language without a prefix, every other one under `/<code>/`."""
    language = language or get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return path
    return f"/{language}{path}"


class LocalisedSitemap(Sitemap):
    """A section whose addresses exist in every language, with hreflang alternates. Subclasses
    give `path(item)`, the address in the default language; `location` is called with each
    language active in turn (Django's `i18n`), once per language and alternate, so each item's
    path is worked out once per answer."""

    i18n = True
    alternates = True
    x_default = True

    def path(self, item):
        return item.get_absolute_url()

    def location(self, item):
        paths = self.__dict__.setdefault("_paths", {})
        key = (type(item), getattr(item, "pk", item))  # a model row, or a URL name
        if key not in paths:
            with translation.override(settings.LANGUAGE_CODE):
                paths[key] = self.path(item)
        return localised_path(paths[key])


class PublishedSitemap(LocalisedSitemap):
    """The published rows of a moderated model, read afresh at each request."""

    changefreq = "weekly"

    def __init__(self, model, date_field):
        self.model = model
        self.date_field = date_field

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return getattr(item, self.date_field)

    def get_latest_lastmod(self):
        """For the index: one aggregate instead of reading every row."""
        return self.items().aggregate(latest=Max(self.date_field))["latest"]


def register_published_sitemap(key, model, *, order=100, date_field="last_published_at"):
    register_sitemap(key, PublishedSitemap(model, date_field), order=order)


def sitemaps():
    """{key: sitemap} of every registered section, in order: classes as registered (Django's
    views make one per answer), instances copied so that no answer shares another's state."""
    ordered = sorted(_sections.values(), key=lambda section: (section.order, section.key))
    return {
        section.key: section.sitemap if callable(section.sitemap) else copy.copy(section.sitemap)
        for section in ordered
    }


@cache_for_visitors
def sitemap_index(request):
    """/sitemap.xml: the index of every section's sitemap (and of its further pages), leaving
    out sections with nothing in them (an empty <urlset> is invalid)."""
    sections = {
        key: section
        for key, section in sitemaps().items()
        if (section() if isinstance(section, type) else section).paginator.count
    }
    return index(request, sections, sitemap_url_name="sitemap-section")


@cache_for_visitors
def sitemap_section(request, section):
    """/sitemap-<section>.xml: one section, paged at 50,000 addresses (?p=2…)."""
    return sitemap(request, sitemaps(), section=section)


def disallowed_paths():
    """What crawlers are kept out of: the admin, private uploads, and the account pages (log in,
    sign up, password reset…) in every language, which are no content and answer 200."""
    accounts = [localised_path("/accounts/", code) for code, _name in settings.LANGUAGES]
    return ["/admin/", "/django-admin/", "/media-pending/", *accounts]


@cache_for_visitors
def robots_txt(request):
    lines = [
        "User-agent: *",
        *[f"Disallow: {path}" for path in disallowed_paths()],
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
