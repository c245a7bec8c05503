"""Honeypot fields and rate limits for the public forms (django-ratelimit on the shared cache)."""

import re
from functools import wraps

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
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
    """Decorate a function view (or use via method_decorator) with the per-user and per-IP limits
    of `group` in `settings.RATE_LIMITS` (django-ratelimit rates such as "10/h"); `per_user` and
    `per_ip` only serve a group the setting does not name yet.

    Per-user limits do the real work; per-IP ones are sized for a workshop behind one address.
    Over a limit the view answers 429 with a page that names the limit that was hit.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                rates = settings.RATE_LIMITS.get(group, {"per_user": per_user, "per_ip": per_ip})
                hit = _limit_hit(request, group, rates)
                if hit:
                    context = {"limit": limit_message(*hit)}
                    return render(request, "moderation/rate_limited.html", context, status=429)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _limit_hit(request, group, rates):
    """("user" or "ip", rate) of the limit this request goes over, or None. Both are counted;
    the account's own limit is named first, as it is the one its owner can act on."""
    hits = []
    if rates.get("per_user") and request.user.is_authenticated:
        rate = rates["per_user"]
        if is_ratelimited(request, group=group, key="user", rate=rate, increment=True):
            hits.append(("user", rate))
    if rates.get("per_ip"):
        rate = rates["per_ip"]
        if is_ratelimited(request, group=group, key="ip", rate=rate, increment=True):
            hits.append(("ip", rate))
    return hits[0] if hits else None


RATE = re.compile(r"^(?P<count>\d+)/(?P<multiple>\d*)(?P<unit>[smhd])$")


def limit_message(scope, rate):
    """The sentence naming the limit that was hit ("user" or "ip", a rate such as "10/h")."""
    match = RATE.match(rate)
    count = int(match["count"])
    period = (match["unit"], int(match["multiple"] or 1))
    if scope == "user":
        sentences = {
            ("m", 1): ngettext(
                "Your account may send this form %(count)s time a minute.",
                "Your account may send this form %(count)s times a minute.",
                count,
            ),
            ("h", 1): ngettext(
                "Your account may send this form %(count)s time an hour.",
                "Your account may send this form %(count)s times an hour.",
                count,
            ),
            ("d", 1): ngettext(
                "Your account may send this form %(count)s time a day.",
                "Your account may send this form %(count)s times a day.",
                count,
            ),
        }
    else:
        sentences = {
            ("m", 1): ngettext(
                "This form accepts %(count)s submission a minute from one internet address, "
                "shared by everyone on the same network.",
                "This form accepts %(count)s submissions a minute from one internet address, "
                "shared by everyone on the same network.",
                count,
            ),
            ("h", 1): ngettext(
                "This form accepts %(count)s submission an hour from one internet address, "
                "shared by everyone on the same network.",
                "This form accepts %(count)s submissions an hour from one internet address, "
                "shared by everyone on the same network.",
                count,
            ),
            ("d", 1): ngettext(
                "This form accepts %(count)s submission a day from one internet address, "
                "shared by everyone on the same network.",
                "This form accepts %(count)s submissions a day from one internet address, "
                "shared by everyone on the same network.",
                count,
            ),
        }
    fallback = _("This form has a limit of %(rate)s, and it was reached.") % {"rate": rate}
    sentence = sentences.get(period)
    return sentence % {"count": count} if sentence else fallback
