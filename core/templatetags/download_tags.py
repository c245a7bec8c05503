from django import template

from core.downloads import download_links as links_for

register = template.Library()


@register.inclusion_tag("components/download_links.html")
def download_links(filterset):
    """Links to the rows `filterset` shows (its model, its GET parameters) as files."""
    return {"links": links_for(filterset.queryset.model, filterset.data)}
