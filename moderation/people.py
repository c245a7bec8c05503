"""Choosing people in the Wagtail admin: a searchable chooser (name or e-mail address, ten at
a time), so that no form lists every account — a select of every user stops working past a
few hundred people. Used for a story's hub member (`PersonChooser`) and a cluster's leads
(`PeopleChooser`: several people).

Only editors (and superusers) open the chooser: its results show e-mail addresses, and
choosing people is an editor's job (a lead cannot change who leads their cluster).
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser

from core.admin_choosers import FormSafeChooserMixin

from .roles import is_editor

SEARCH_LENGTH = 100
PERSON_ROW = (
    '<li><label><input type="checkbox" name="{}" value="{}" checked{}> {} ({})</label></li>'
)


class PersonSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        max_length=SEARCH_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Name or e-mail address")}),
    )

    def filter(self, objects):
        term = (self.cleaned_data.get("q") or "").strip()
        if not term:
            return objects
        self.is_searching, self.search_query = True, term
        return objects.filter(
            Q(email__icontains=term) | Q(first_name__icontains=term) | Q(last_name__icontains=term)
        )


class EditorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PersonListMixin(EditorsOnlyMixin):
    filter_form_class = PersonSearchForm
    ordering = ("last_name", "first_name", "email", "pk")

    def get_object_list(self):
        return get_user_model().objects.filter(is_active=True)

    @property
    def title_column(self):
        column = super().title_column
        column.label = _("Name")
        return column

    @property
    def columns(self):
        return [*super().columns, Column("email", label=_("E-mail address"))]


class PersonChooseView(PersonListMixin, ChooseView):
    pass


class PersonChooseResultsView(PersonListMixin, ChooseResultsView):
    pass


class PersonChosenView(EditorsOnlyMixin, ChosenView):
    pass


class FormSafeBaseChooser(FormSafeChooserMixin, BaseChooser):
    pass


class PersonChooserViewSet(ChooserViewSet):
    model = settings.AUTH_USER_MODEL
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    page_title = _("Choose a person")
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
    chosen_view_class = PersonChosenView
    base_widget_class = FormSafeBaseChooser
    register_widget = False  # explicit on the panels that choose people


person_chooser_viewset = PersonChooserViewSet("person_chooser", url_prefix="person-chooser")
PersonChooser = person_chooser_viewset.widget_class


class PeopleChooser(forms.Widget):
    """Several people (a many-to-many field): those chosen, each with a box to untick to remove
    them, and a person chooser that adds one more on saving."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.adder = PersonChooser()

    @property
    def media(self):
        return self.adder.media

    def value_from_datadict(self, data, files, name):
        kept = data.getlist(name) if hasattr(data, "getlist") else list(data.get(name) or [])
        added = self.adder.value_from_datadict(data, files, f"{name}-add")
        return [*kept, added] if added not in (None, "") else kept

    def value_omitted_from_data(self, data, files, name):
        return False  # no box ticked is an empty choice, not a missing field

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        disabled = attrs.get("disabled", False)
        people = _people(value)
        rows = format_html_join(
            "",
            PERSON_ROW,
            (
                (name, person.pk, " disabled" if disabled else "", person, person.email)
                for person in people
            ),
        )
        chosen = format_html('<ul class="people-chooser__chosen">{}</ul>', rows) if people else ""
        if disabled:
            return chosen or format_html("<p>{}</p>", _("Nobody yet."))
        adder_id = f"{attrs.get('id', name)}-add"
        adder = self.adder.render(f"{name}-add", None, {"id": adder_id})
        return format_html(
            '{}<p class="help">{}</p>{}',
            chosen,
            _(
                "Untick a person to remove them. Choose a person to add them, then save; "
                "save again to add another."
            ),
            adder,
        )


def _people(value):
    ids = []
    for item in value or []:
        pk = getattr(item, "pk", item)
        if str(pk).isdigit():
            ids.append(int(pk))
    if not ids:
        return []
    return list(get_user_model().objects.filter(pk__in=ids).order_by("last_name", "first_name"))
