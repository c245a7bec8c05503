from django import template

from core.navigation import navigation

register = template.Library()


@register.simple_tag
def primary_navigation(current_path):
    """The registered navigation entries for a page at `current_path` (core.navigation)."""
    return navigation(current_path)
