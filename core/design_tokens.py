"""The design tokens of static/css/tokens.css, readable from Python.

The site uses the tokens as CSS custom properties; e-mails cannot (mail clients ignore var()),
so their templates put the same values in with `{% token "color-brand" %}` (design_tags), and
the demo's drawn pictures take their colours from here. One file, one set of values.
"""

import re
from functools import cache

from django.conf import settings

TOKENS_FILE = settings.BASE_DIR / "static" / "css" / "tokens.css"
_DECLARATION = re.compile(r"^\s*--(?P<name>[a-z0-9-]+):\s*(?P<value>[^;]+);", re.MULTILINE)


@cache
def design_tokens():
    """{name without the leading "--": value} for every token in tokens.css."""
    text = TOKENS_FILE.read_text(encoding="utf-8")
    return {match["name"]: match["value"].strip() for match in _DECLARATION.finditer(text)}


def token(name):
    """One token's value; a misspelt name fails loudly rather than leaving a colour out."""
    return design_tokens()[name]


def cluster_colour(slug):
    """The colour of the cluster whose slug (= its area's slug) is `slug`, or the brand's."""
    return design_tokens().get(f"color-cluster-{slug}", token("color-brand"))
