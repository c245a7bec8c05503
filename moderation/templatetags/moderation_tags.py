"""Tags for pages of reviewed content: report links, sanitised rich text, JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from moderation.richtext import sanitise_html

register = template.Library()

# As django.utils.html.json_script: the JSON can never close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def richtext(value):
    """User-written HTML, sanitised here (again) so that marking it safe is sound."""
    return mark_safe(sanitise_html(value))  # noqa: S308 - the output of the nh3 allow-list


@register.filter
def ld_json(data):
    """schema.org data as <script type="application/ld+json"> (data, not code, under CSP)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped as json_script
    )


@register.simple_tag
def report_url(obj):
    """The report form's address for `obj` (from its model's metadata: no query)."""
    opts = obj._meta
    return reverse(
        "moderation:report",
        kwargs={"app_label": opts.app_label, "model_name": opts.model_name, "pk": obj.pk},
    )
