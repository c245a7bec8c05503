"""`{% absolute_address path as url %}`: `path` on the host this page was asked by.

Canonical, og:url and JSON-LD addresses of Wagtail pages come from here rather than from the
Wagtail Site's root URL (`page.full_url`), which is `http://localhost` until an editor sets the
hostname: the sitemap, the pages and their metadata then always name the same host.
"""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_address(context, path):
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path
