"""Whole public pages cached for anonymous visitors, and thrown away whenever content changes.

- **What**: a GET or HEAD answered 200 by a view that says it shows every anonymous visitor
  the same page — a view class or function with `cache_for_visitors = True` (the directory,
  listing pages, clusters, events, funding, people; a plain attribute, so apps need not import
  this module) — or by Wagtail's page view, for a request with no session and no messages
  cookie (someone not logged in, with nothing to be told).
- **Key**: the *content version*, the host, the language and the full path with its query.
- **Invalidation**: the content version (core.content_version) moves whenever something a public
  page shows changes — a save or delete of a model an app registered as public content
  (core.invalidation: listings, their members and keywords, vocabularies, clusters, events,
  funding, stories, people), a change of many-to-many links, Wagtail's page publish and unpublish.
  An approval is therefore visible at once. Entries also expire after `PAGE_CACHE_SECONDS`, which
  bounds what a Redis outage could leave stale (changes made meanwhile bump only each process's
  fallback).
- **Conditional GET**: each cacheable answer has an ETag (version and key) and Last-Modified (the
  version's time), so a browser or proxy revalidating gets a 304 without the page being read.
- **Headers**: no cookie is set on these answers and they do not vary on Cookie;
  `Cache-Control: public, max-age=0, must-revalidate`. A proxy in front must pass requests that
  carry a session cookie through (docs/deployment.md).
- Off with `DJANGO_PAGE_CACHE=0` (the benchmark's cold runs); logged-in pages are never cached.

The middleware sits before Django's session middleware, so it decides on cookies alone and a
cache hit costs no session or database lookup.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from core.content_version import content_version

PERSONAL_COOKIES = ("messages",)
CACHED_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition")


def cache_for_visitors(view):
    """Mark `view` as showing the same page to every anonymous visitor (so it may be cached)."""
    view.cache_for_visitors = True
    return view


def _is_cacheable_view(view_func):
    view_class = getattr(view_func, "view_class", None)
    if getattr(view_func, "cache_for_visitors", False) or getattr(
        view_class, "cache_for_visitors", False
    ):
        return True
    # A view may be a functools.partial (django-ninja's schema and docs views): no __name__.
    name = getattr(view_func, "__name__", "")
    return f"{getattr(view_func, '__module__', '')}.{name}" == "wagtail.views.serve"


def _is_anonymous(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and not any(
        name in cookies for name in PERSONAL_COOKIES
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        entry = getattr(request, "_page_cache_entry", None)
        if entry is not None:
            key, etag, last_modified = entry
            if response.status_code == 200 and not response.streaming and not response.cookies:
                cache.set(key, _freeze(response), settings.PAGE_CACHE_SECONDS)
            if not response.cookies:
                _for_visitors(response, etag, last_modified)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not self._applies(request, view_func):
            return None
        version = content_version()
        key = _key(request, version)
        etag = quote_etag(hashlib.md5(key.encode(), usedforsecurity=False).hexdigest())
        last_modified = int(version)
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            frozen = cache.get(key)
            if frozen is None:
                request._page_cache_entry = (key, etag, last_modified)
                return None
            response = _thaw(frozen)
        return _for_visitors(response, etag, last_modified)

    def _applies(self, request, view_func):
        return (
            settings.PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and _is_cacheable_view(view_func)
            and _is_anonymous(request)
        )


def _key(request, version):
    path = request.get_full_path()
    language = getattr(request, "LANGUAGE_CODE", "")
    digest = hashlib.md5(f"{request.get_host()}{path}".encode(), usedforsecurity=False)
    return f"page-cache:{version}:{language}:{digest.hexdigest()}"


def _freeze(response):
    headers = {name: response[name] for name in CACHED_HEADERS if name in response}
    return {"content": response.content, "headers": headers}


def _thaw(frozen):
    response = HttpResponse(frozen["content"])
    for name, value in frozen["headers"].items():
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def _for_visitors(response, etag, last_modified):
    """The same page for every visitor: validators, revalidate each time, no Vary: Cookie."""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    vary = [v for v in vary if v.lower() != "cookie"]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif "Vary" in response:
        del response["Vary"]
    return response
