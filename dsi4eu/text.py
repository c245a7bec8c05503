"""Text from the export made safe: HTML removed or sanitised with nh3, as moderation does."""

import html
import re

import nh3

from core.text import one_line
from moderation.richtext import sanitise_html

_SPACES = re.compile(r"\s+")
# Where a block ends or a line breaks, plain text needs a space: "<p>a</p><p>b</p>" is "a b".
_BREAKS = re.compile(r"<(/?(p|div|li|h[1-6]|blockquote|td|tr)|br)\b[^>]*>", re.IGNORECASE)


def plain_line(value):
    """`value` as one line of plain text: tags and their scripts removed, entities decoded."""
    if not isinstance(value, str):
        return ""
    text = html.unescape(nh3.clean(_BREAKS.sub(" ", value), tags=set()))
    return _SPACES.sub(" ", one_line(text)).strip()


def shortened(text, limit):
    """`text` cut at a word boundary to at most `limit` characters, with "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:")
    return f"{cut}…"


def rich_text(value):
    """The export's description as the hub's rich text (the moderation allow-list)."""
    return sanitise_html(value) if isinstance(value, str) else ""
