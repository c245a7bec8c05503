"""Admin chooser widgets that survive a posted id that is no number.

Wagtail's choosers look the posted value up again to re-render a form with errors, and expect
only a missing row: "1e309" or "x" raised ValueError there, a 500 for the editor.
"""

from django.core.exceptions import ValidationError


class FormSafeChooserMixin:
    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, TypeError, OverflowError, ValidationError):
            return None
