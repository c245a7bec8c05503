"""The public content version: one number that moves whenever something public changes.

Everything cached from public content (whole anonymous pages in core.page_cache, the
directory's counts, country lists and filter forms in listings) puts the version in its key, so
a change makes all of it unreachable at once and nothing has to be deleted one by one.
core.invalidation bumps it (signals on the public apps' models and Wagtail's publishing).

Within one request the version is read from the cache once and remembered (a directory page
asks for it for each of its cards and fragments): a request sees one consistent version, its own
bumps included. Outside requests (tasks, commands) every call reads the cache.
"""

import hashlib
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started

VERSION_KEY = "content-version"

_request = threading.local()  # .active: inside a request; .version: the version it read


def content_version():
    """The current version (a timestamp), created on first use."""
    version = getattr(_request, "version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            return bump_content_version()
        if getattr(_request, "active", False):
            _request.version = version
    return version


def bump_content_version():
    version = time.time()
    cache.set(VERSION_KEY, version, None)
    if getattr(_request, "active", False):
        _request.version = version
    return version


def _request_started(**kwargs):
    _request.active, _request.version = True, None


def _request_finished(**kwargs):
    _request.active, _request.version = False, None


request_started.connect(_request_started, dispatch_uid="content-version-request-started")
request_finished.connect(_request_finished, dispatch_uid="content-version-request-finished")


def versioned_key(prefix, *parts):
    """ "<prefix>:<version>:<digest of parts>": a key that changes with the content version."""
    digest = hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()
    return f"{prefix}:{content_version()}:{digest}"


def cached(prefix, parts, compute):
    """`compute()`, kept until the content changes (or PAGE_CACHE_SECONDS pass)."""
    key = versioned_key(prefix, *parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value
