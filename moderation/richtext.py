"""User-written rich text (descriptions, social impact), cleaned to a small allow-list with nh3.

Text is sanitised when a form saves it and again when a template renders it (imports and the
admin do not pass through our forms), so `|safe` only ever sees the output of `sanitise_html`.
"""

import re

import nh3
from django.utils.html import linebreaks

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener nofollow ugc"

# Text without block-level markup is treated as plain paragraphs: blank lines start a new one.
BLOCK_TAG = re.compile(r"<\s*(p|ul|ol|h2|h3|blockquote)\b", re.IGNORECASE)


def sanitise_html(value):
    """Return `value` as HTML holding only the allowed tags; plain text becomes paragraphs."""
    text = (value or "").strip()
    if not text:
        return ""
    if not BLOCK_TAG.search(text):
        text = linebreaks(text, autoescape=False)
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
    ).strip()
