"""Validators from the content version: a download or an API answer changes only when public
content does (core.content_version moves on every change), so its ETag is the version and the
address, and a client revalidating an unchanged answer gets a 304 without any row being read."""

import hashlib

from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from core.content_version import content_version


def validators(request):
    """(ETag, Last-Modified as a timestamp) of what `request` asks for, now."""
    version = content_version()
    key = f"{version}:{request.get_full_path()}"
    etag = quote_etag(hashlib.md5(key.encode(), usedforsecurity=False).hexdigest())
    return etag, int(version)


def not_modified(request, etag, last_modified):
    """A 304 (or 412) answer when the client's copy is current, else None."""
    return get_conditional_response(request, etag=etag, last_modified=last_modified)


def add_validators(response, etag, last_modified):
    """The validators on `response`; caches may keep it but must revalidate each time."""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response
