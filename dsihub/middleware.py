from zeal import zeal_context

# Wagtail's and Django's admins are not ours to fix; their repeated lookups would drown the signal.
UNGUARDED_PREFIXES = ("/admin/", "/django-admin/")


def nplusone_guard(get_response):
    """Fail a request of the hub's own pages that runs an N+1 query (django-zeal, DJANGO_ZEAL=1)."""

    def middleware(request):
        if request.path.startswith(UNGUARDED_PREFIXES):
            return get_response(request)
        with zeal_context():
            return get_response(request)

    return middleware
