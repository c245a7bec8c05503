from django import template

from core.design_tokens import token as design_token

register = template.Library()


@register.simple_tag
def token(name):
    """The value of a design token from static/css/tokens.css, for e-mails (no var() there)."""
    return design_token(name)
