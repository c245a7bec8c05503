from zeal import zeal_context

from accounts.verification import has_verified_email, verification_required_response

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# Wagtail's and Django's admins are not ours to fix; their repeated lookups would drown the signal.
UNGUARDED_PREFIXES = ADMIN_PREFIXES


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


def verified_admins_only(get_response):
    """Keep people without a verified e-mail address out of both admins, whatever session they
    hold (the admins' own login pages used to accept them)."""

    def middleware(request):
        user = request.user
        if (
            request.path.startswith(ADMIN_PREFIXES)
            and user.is_authenticated
            and not has_verified_email(user)
        ):
            return verification_required_response(request)
        return get_response(request)

    return middleware
