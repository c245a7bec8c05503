from zeal import zeal_context

# Wagtail's and Django's admins are not ours to fix; their repeated lookups would drown the signal.
UNGUARDED_PREFIXES = ("/admin/", "/django-admin/")


def nplusone_guard(get_response):
    """Fail a page view of the hub's own pages that runs an N+1 query (django-zeal, DJANGO_ZEAL=1).

    Only reads are guarded: they are what a listing's cost is about. Writes go through Wagtail's
    revision machinery, which looks rows up one at a time by design.
    """

    def middleware(request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(UNGUARDED_PREFIXES):
            return get_response(request)
        with zeal_context():
            return get_response(request)

    return middleware
