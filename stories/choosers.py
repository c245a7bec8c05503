"""Admin chooser widgets that survive a posted id that is no number.

Wagtail's choosers look the posted value up again to re-render a form with errors, and expect
only a missing row: "1e309" or "x" raised ValueError there, a 500 for the editor.
"""

from django.core.exceptions import ValidationError
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.snippets.widgets import AdminSnippetChooser


class FormSafeChooserMixin:
    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, TypeError, OverflowError, ValidationError):
            return None


class FormSafeSnippetChooser(FormSafeChooserMixin, AdminSnippetChooser):
    pass


class FormSafeDocumentChooser(FormSafeChooserMixin, AdminDocumentChooser):
    pass


class FormSafeOrganisationChooser(FormSafeSnippetChooser):
    """For a panel declared on a model (built later, once the apps are loaded)."""

    def __init__(self, **kwargs):
        from django.apps import apps

        super().__init__(apps.get_model("organisations", "Organisation"), **kwargs)
