"""How a call's deadline reads on cards and pages: "closes in 5 days", "closes today", "rolling"."""

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.simple_tag
def deadline_label(call, today=None):
    left = call.days_left(today)
    if left is None:
        return _("rolling: apply any time")
    if left < 0:
        return _("closed on %(date)s") % {"date": date_format(call.closes_on, "DATE_FORMAT")}
    if left == 0:
        return _("closes today")
    return ngettext("closes tomorrow", "closes in %(days)s days", left) % {"days": left}


@register.simple_tag
def amount_label(call):
    """ "EUR 10,000 to 50,000", "up to EUR 50,000", "from EUR 10,000", or ""."""
    low, high = call.amount_min, call.amount_max
    if low is None and high is None:
        return ""
    values = {"currency": call.currency, "low": _number(low), "high": _number(high)}
    if low is not None and high is not None and low != high:
        return _("%(currency)s %(low)s to %(high)s") % values
    if high is None:
        return _("from %(currency)s %(low)s") % values
    if low is None:
        return _("up to %(currency)s %(high)s") % values
    return f"{call.currency} {values['high']}"


def _number(value):
    return f"{value:,}" if value is not None else ""
