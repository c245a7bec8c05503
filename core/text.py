"""Plain text that people type for others to read: names and titles of every kind of content,
person names, job titles.

Two kinds of invisible characters are removed:

- Unicode's bidirectional controls (RIGHT-TO-LEFT OVERRIDE, isolates, marks) reorder the text
  around them, so a name can make an e-mail subject or a page read differently from what was
  typed ("Trojan Source"). Names never need them: the browser lays out right-to-left scripts
  (Arabic, Hebrew) correctly without them.
- C0 and C1 control characters (NUL, ESC, BEL …): nothing a name contains on purpose. A tab
  becomes a space.

Line breaks (CR, LF and the Unicode line and paragraph separators) are refused with a message
instead: a name is one line, and one with a break in it would reach a mail header (the
moderators' "submitted for approval" e-mail) that the mail library refuses.

`PlainTextField` is the form field; `PlainTextCharField` the model field, whose form field it
is, so the Wagtail admin's forms (snippets) get the same cleaning. The model field also cleans
on save, as a last defence for writes that pass no form (imports, scripts): there a line break
becomes a space.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

BIDI_CONTROLS = (
    "\u061c"  # ARABIC LETTER MARK
    "\u200e\u200f"  # LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings, POP DIRECTIONAL FORMATTING, overrides
    "\u2066\u2067\u2068\u2069"  # isolates, POP DIRECTIONAL ISOLATE
)
LINE_BREAKS = "\r\n\u2028\u2029"  # CR, LF, LINE SEPARATOR, PARAGRAPH SEPARATOR
# C0 controls but CR and LF (refused, above) and TAB (a space); DEL; C1 controls.
CONTROLS = "".join(
    chr(code) for code in [*range(0x20), *range(0x7F, 0xA0)] if chr(code) not in "\r\n\t"
)

_WITHOUT_BIDI_CONTROLS = str.maketrans(dict.fromkeys(map(ord, BIDI_CONTROLS)))
_PLAIN = str.maketrans({**dict.fromkeys(map(ord, BIDI_CONTROLS + CONTROLS)), ord("\t"): " "})
_ONE_LINE = str.maketrans(dict.fromkeys(map(ord, LINE_BREAKS), " "))


def strip_bidi_controls(text):
    """`text` without bidirectional control characters (other values are returned as they are)."""
    if not isinstance(text, str):
        return text
    return text.translate(_WITHOUT_BIDI_CONTROLS)


def plain_text(text):
    """`text` without bidirectional and other control characters, tabs made spaces; line breaks
    are kept (for `validate_one_line` to refuse). Other values are returned as they are."""
    if not isinstance(text, str):
        return text
    return text.translate(_PLAIN)


def one_line(text):
    """`plain_text(text)` with line breaks made spaces: what may go into a mail header."""
    if not isinstance(text, str):
        return text
    return plain_text(text).translate(_ONE_LINE)


def validate_one_line(value):
    if isinstance(value, str) and any(character in value for character in LINE_BREAKS):
        raise ValidationError(
            _("Please keep this to one line: it cannot contain line breaks."), code="line_break"
        )


class PlainTextField(forms.CharField):
    """A CharField for names and titles: control characters are removed before the usual
    stripping and validation (so a value made only of them counts as empty), and a line break
    is refused."""

    default_validators = [validate_one_line]

    def to_python(self, value):
        return super().to_python(plain_text(value))


class PlainTextCharField(models.CharField):
    """A CharField whose forms (ours and the Wagtail admin's) are `PlainTextField`s and whose
    value is made plain, one-line text on save whatever wrote it."""

    default_validators = [validate_one_line]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PlainTextField, **kwargs})

    def pre_save(self, model_instance, add):
        value = one_line(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def deconstruct(self):
        # Recorded in migrations as the CharField it is in the database: what differs is
        # validation and forms, which migrations never use.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs
