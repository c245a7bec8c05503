"""Honeypot fields and rate limits for the public forms (django-ratelimit on the shared cache)."""

from functools import wraps

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

HONEYPOT_FIELD = "contact_fax"


class HoneypotMixin(forms.Form):
    """A field people never see (moved off-screen by CSS, skipped by tabbing) but bots fill in.

    Templates render it with `components/honeypot.html`; the rest of the form is unchanged.
    """

    contact_fax = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_contact_fax(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("This field must be left empty."), code="honeypot")
        return ""


def rate_limit(group, *, per_user=None, per_ip=None, methods=("POST",)):
    """Decorate a function view (or use via method_decorator) with per-user and per-IP limits.

    `per_user` and `per_ip` are django-ratelimit rates such as "10/h". Over the limit the view
    answers 429 with a page that says what happened and when to try again.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and _limited(request, group, per_user, per_ip):
                return render(
                    request,
                    "moderation/rate_limited.html",
                    {"rate": per_user or per_ip},
                    status=429,
                )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _limited(request, group, per_user, per_ip):
    limited = False
    if per_ip:
        limited |= is_ratelimited(request, group=group, key="ip", rate=per_ip, increment=True)
    if per_user and request.user.is_authenticated:
        limited |= is_ratelimited(request, group=group, key="user", rate=per_user, increment=True)
    return limited
