"""Start-up checks of the deployment's settings (Django's system checks, run by every command)."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=False)
def site_url_is_https(app_configs, **kwargs):
    """RFC 8058 one-click unsubscribe needs an HTTPS List-Unsubscribe address, and every link in
    an e-mail is built on SITE_URL: with debug off and HTTPS enforced, a plain-http SITE_URL is a
    mistake. (The test suite runs with debug off over plain http, HTTPS redirect off.)"""
    serves_https = not settings.DEBUG and settings.SECURE_SSL_REDIRECT
    if not serves_https or not settings.SITE_URL.startswith("http://"):
        return []
    return [
        Warning(
            f"SITE_URL is {settings.SITE_URL!r}: plain http with debug off.",
            hint="Set SITE_URL to the https:// address of the site; mail programs refuse "
            "one-click unsubscribe (List-Unsubscribe, RFC 8058) over plain http.",
            id="core.W001",
        )
    ]
