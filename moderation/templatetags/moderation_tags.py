from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def report_url(obj):
    """The report form's address for `obj` (from its model's metadata: no query)."""
    opts = obj._meta
    return reverse(
        "moderation:report",
        kwargs={"app_label": opts.app_label, "model_name": opts.model_name, "pk": obj.pk},
    )
