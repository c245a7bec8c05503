"""What every answer of the read API (/api/) carries: ETag and Last-Modified from the content
version (a revalidation of an unchanged answer is a 304 before any row is read), CORS headers,
so any web page may read the API (it is anonymous and read-only), and errors in JSON, the
site-wide ones (400, 404, 500 pages) included."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse

from core.content_version import versioned_key

from .conditional import add_validators, not_modified, validators

API_PREFIX = "/api/"
READS = ("GET", "HEAD")
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
}
PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}


def api_headers(get_response):
    def middleware(request):
        if not request.path.startswith(API_PREFIX):
            return get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            _set(response, PREFLIGHT)
        elif request.method in READS:
            response = _conditional(request, get_response)
        else:
            response = get_response(request)
        response = _json_errors(response)
        _set(response, CORS)
        return response

    return middleware


def _conditional(request, get_response):
    etag, last_modified = validators(request)
    response = not_modified(request, etag, last_modified)
    if response is None:
        response = _answer(request, get_response)
        if response.status_code != 200:
            return response
    return add_validators(response, etag, last_modified)


def _answer(request, get_response):
    """The API's answer, kept until public content changes: the same address gives the same
    JSON until then. A kept answer still counts against the client's rate (the throttle is
    asked first; over the rate, the API itself answers the 429)."""
    from .api import answer_counts  # the API module builds on this one's helpers

    key = versioned_key("api-answer", request.get_host(), request.get_full_path())
    kept = cache.get(key)
    if kept is not None and answer_counts(request):
        return HttpResponse(kept, content_type="application/json; charset=utf-8")
    response = get_response(request)
    if response.status_code == 200 and not response.streaming:
        cache.set(key, response.content, settings.PAGE_CACHE_SECONDS)
    return response


def _json_errors(response):
    """An error the site answers for every page (a 400 for control characters, a 404 for an
    unknown address) is said in JSON under /api/ too, as the API's own errors are."""
    if response.status_code < 400 or response.get("Content-Type", "").startswith(
        "application/json"
    ):
        return response
    return JsonResponse({"detail": response.reason_phrase}, status=response.status_code)


def _set(response, headers):
    for name, value in headers.items():
        response[name] = value
