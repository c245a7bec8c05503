import re

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import SuspiciousOperation

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# Wagtail's and Django's admins are not ours to fix; their repeated lookups would drown the signal.
UNGUARDED_PREFIXES = ADMIN_PREFIXES


def nplusone_guard(get_response):
    """Fail a page view of the hub's own pages that runs an N+1 query (django-zeal, DJANGO_ZEAL=1).

    Only reads are guarded: they are what a listing's cost is about. Writes go through Wagtail's
    revision machinery, which looks rows up one at a time by design.
    """
    from zeal import zeal_context  # a development dependency: imported only when switched on

    def middleware(request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(UNGUARDED_PREFIXES):
            return get_response(request)
        with zeal_context():
            return get_response(request)

    return middleware


# C0 controls except tab, line feed and carriage return, and lone UTF-16 surrogates: no form
# needs them, and PostgreSQL refuses NUL in text (a query with one would fail with a 500).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


class ControlCharacterInRequest(SuspiciousOperation):
    """Django answers a SuspiciousOperation with the 400 page and logs it (django.security.*)."""


def reject_control_characters(get_response):
    """Answer 400 when the path, a query parameter or a form field holds a control character."""

    def middleware(request):
        if _holds_control_characters(request):
            raise ControlCharacterInRequest(
                f"Control character in the path, query or form of {request.method} request"
            )
        return get_response(request)

    return middleware


def _holds_control_characters(request):
    texts = [request.path]
    for data in (request.GET, request.POST):
        for key, values in data.lists():
            texts.append(key)
            texts.extend(values)
    return any(CONTROL_CHARACTERS.search(text) for text in texts)


def permissions_policy(get_response):
    """Send settings.PERMISSIONS_POLICY as the Permissions-Policy header on every response."""
    header = ", ".join(
        f"{feature}=({' '.join(allowed)})"
        for feature, allowed in settings.PERMISSIONS_POLICY.items()
    )

    def middleware(request):
        response = get_response(request)
        response.setdefault("Permissions-Policy", header)
        return response

    return middleware


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp: settings.CONTENT_SECURITY_POLICY, except under the admins, which get
    settings.ADMIN_CONTENT_SECURITY_POLICY (their own templates need inline styles), and in
    Wagtail's page previews, which the admin frames: Wagtail renders them through the whole
    middleware chain with a dummy request for the page's public address (`is_dummy`), so they
    get the public policy with frame-ancestors 'self'."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(ADMIN_PREFIXES):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        elif getattr(request, "is_dummy", False):
            parts.config = {
                **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
                "frame-ancestors": ["'self'"],
            }
        return parts
