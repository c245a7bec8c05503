"""Admin chooser widgets of the stories pages and resources, on core's FormSafeChooserMixin
(a posted id that is no number re-renders the form instead of a 500)."""

from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.snippets.widgets import AdminSnippetChooser

from core.admin_choosers import FormSafeChooserMixin


class FormSafeSnippetChooser(FormSafeChooserMixin, AdminSnippetChooser):
    pass


class FormSafeDocumentChooser(FormSafeChooserMixin, AdminDocumentChooser):
    pass


class LazySnippetChooser(FormSafeSnippetChooser):
    """For a panel declared on a model (built later, once the apps are loaded): the chooser
    of the snippet `model_label`."""

    model_label = None

    def __init__(self, **kwargs):
        from django.apps import apps

        super().__init__(apps.get_model(self.model_label), **kwargs)


class FormSafeOrganisationChooser(LazySnippetChooser):
    model_label = "organisations.Organisation"


class FormSafeProjectChooser(LazySnippetChooser):
    model_label = "projects.Project"


class FormSafePlaceChooser(LazySnippetChooser):
    model_label = "taxonomy.Place"
