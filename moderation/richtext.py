"""User-written rich text (descriptions, social impact), cleaned to a small allow-list with nh3.

Text is sanitised when a form saves it and again when a template renders it (imports and the
admin do not pass through our forms), so `|safe` only ever sees the output of `sanitise_html`.
"""

import re

import nh3
from django.core.exceptions import ValidationError
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text import DraftailRichTextArea

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
# The admin editor's features for such text: what ALLOWED_TAGS keeps, nothing it would drop.
ADMIN_RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "blockquote", "link"]
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


class _UnreadableEditorState:
    """What the admin's rich-text editor read from a post whose editor state is not valid: a
    field error when cleaned (Django's CharField calls str() on it), an empty editor when the
    form is shown again."""

    def __str__(self):
        raise ValidationError(
            _("This text did not arrive complete. Reload the page and try again."),
            code="unreadable",
        )


class FormSafeDraftailRichTextArea(DraftailRichTextArea):
    """Wagtail's Draftail widget (settings.WAGTAILADMIN_RICH_TEXT_EDITORS), turning a post whose
    JSON editor state is missing, malformed or of the wrong shape into a form error, not a 500."""

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            return _UnreadableEditorState()

    def format_value(self, value):
        if isinstance(value, _UnreadableEditorState):
            value = ""
        return super().format_value(value)
