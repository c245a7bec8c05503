"""Plain text that people type for others to read: names, titles, job titles.

Unicode's bidirectional control characters (RIGHT-TO-LEFT OVERRIDE, isolates, marks) are
invisible and reorder the text around them, so a name can make an e-mail subject or a page read
differently from what was typed ("Trojan Source"). Names and titles never need them: the
browser lays out right-to-left scripts (Arabic, Hebrew) correctly without them.
"""

from django import forms

BIDI_CONTROLS = (
    "\u061c"  # ARABIC LETTER MARK
    "\u200e\u200f"  # LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings, POP DIRECTIONAL FORMATTING, overrides
    "\u2066\u2067\u2068\u2069"  # isolates, POP DIRECTIONAL ISOLATE
)
_WITHOUT_BIDI_CONTROLS = str.maketrans(dict.fromkeys(map(ord, BIDI_CONTROLS)))


def strip_bidi_controls(text):
    """`text` without bidirectional control characters (other values are returned as they are)."""
    if not isinstance(text, str):
        return text
    return text.translate(_WITHOUT_BIDI_CONTROLS)


class PlainTextField(forms.CharField):
    """A CharField for names and titles: bidirectional controls are removed before the usual
    stripping and validation, so a value made only of them counts as empty."""

    def to_python(self, value):
        return super().to_python(strip_bidi_controls(value))
