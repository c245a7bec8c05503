"""The public content version: one number that moves whenever something public changes.

Everything cached from public content (whole anonymous pages in explore.page_cache, the
directory's counts, country lists and filter forms in listings) puts the version in its key, so
a change makes all of it unreachable at once and nothing has to be deleted one by one.
explore.invalidation bumps it (signals on the public apps' models and Wagtail's publishing).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "content-version"


def content_version():
    """The current version (a timestamp), created on first use."""
    version = cache.get(VERSION_KEY)
    return version if version is not None else bump_content_version()


def bump_content_version():
    version = time.time()
    cache.set(VERSION_KEY, version, None)
    return version


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
