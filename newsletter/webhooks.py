"""The mail provider's bounce and complaint webhook (anymail's tracking view for one ESP).

Only the configured provider's tracking URL is mounted (`settings.ANYMAIL_WEBHOOK_ESP`): the
others' views would answer anyone with a configuration error. Whatever reaches the mounted one
gets a 4xx unless it is a well-formed, authenticated call — anymail reports a missing or wrong
signature as an error of its own and a body of the wrong shape (a JSON array where an object is
expected) as whatever Python raised on it; neither is the server's fault.
"""

import logging
from functools import wraps

import anymail.urls
from anymail.exceptions import AnymailError, AnymailWebhookValidationFailure
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)

# What parsing a body of the wrong shape raises inside anymail's views.
MALFORMED = (ValueError, TypeError, KeyError, IndexError, AttributeError)


def guarded(view):
    """`view`, answering 403 to an unauthenticated call and 400 to a malformed or
    unconfigured one, instead of a server error."""

    @csrf_exempt
    @wraps(view)
    def guarded_view(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except AnymailWebhookValidationFailure:
            return HttpResponse(status=403)
        except AnymailError:
            logger.exception("Mail provider webhook not usable as configured")
            return HttpResponse(status=400)
        except MALFORMED:
            logger.warning("Malformed mail provider webhook call", exc_info=True)
            return HttpResponse(status=400)

    return guarded_view


def tracking_urlpatterns(esp):
    """The URL of `esp`'s tracking webhook: `<esp>/tracking/`."""
    views = {pattern.name: pattern.callback for pattern in anymail.urls.urlpatterns}
    name = f"{esp}_tracking_webhook"
    if name not in views:
        raise ImproperlyConfigured(
            f"ANYMAIL_WEBHOOK_ESP={esp!r}: anymail has no tracking webhook by that name."
        )
    return [path(f"{esp}/tracking/", guarded(views[name]), name="tracking-webhook")]
