from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from listings.forms import (
    LISTING_FIELDS,
    Fieldset,
    ListingForm,
    link_formset_options,
    listing_fieldsets,
)
from organisations.chooser import OrganisationChooserField
from organisations.models import Organisation

from .models import Project

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProjectForm(ListingForm):
    """Register or edit a project; `user` decides which organisations are offered as checkboxes.

    Organisations come from two fields: the user's own organisations as checkboxes, and partner
    organisations picked with the organisation chooser (organisations.chooser).
    """

    partners = OrganisationChooserField(
        label=_("Partner organisations"),
        required=False,
        help_text=_("Other organisations on the hub that run this project with you."),
    )

    fieldsets = listing_fieldsets(
        Fieldset("impact", _("Impact"), ["social_impact"]),
        Fieldset("when", _("Status and dates"), ["status", "start_date", "end_date"]),
        Fieldset("organisations", _("Organisations"), ["organisations", "partners"]),
    )
    rich_text_fields = ["description", "social_impact"]

    class Meta:
        model = Project
        fields = [
            *LISTING_FIELDS,
            "social_impact",
            "status",
            "start_date",
            "end_date",
            "organisations",
        ]
        formsets = {"links": link_formset_options()}
        widgets = {
            "status": forms.RadioSelect,
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
        }
        labels = {"organisations": _("Your organisations")}
        help_texts = {
            "social_impact": _("Who benefits, and how: what changes because of this project?"),
            "end_date": _("Leave empty while the project is running."),
        }
        error_messages = {
            "areas": {"required": _("Choose at least one area of impact.")},
            "technologies": {"required": _("Choose at least one technology.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.own_organisations = list(Organisation.objects.with_member(user).order_by("name"))
        field = self.fields["organisations"]
        field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in self.own_organisations])
        field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
        field.required = False
        field.help_text = _("Organisations you belong to, published or still awaiting review.")
        if not self.own_organisations:
            del self.fields["organisations"]  # clean() still fills cleaned_data["organisations"]
        linked = self._linked_organisations()
        self.fields["partners"].queryset = Organisation.objects.filter(
            Q(live=True) | Q(pk__in=[o.pk for o in linked])
        )
        if linked and not self.is_bound:
            self.initial["partners"] = [o for o in linked if o not in self.own_organisations]

    def _linked_organisations(self):
        return list(self.instance.organisations.all()) if self.instance.pk else []

    def clean(self):
        cleaned_data = super().clean()
        chosen = list(cleaned_data.get("organisations") or [])
        chosen += [o for o in cleaned_data.get("partners") or [] if o not in chosen]
        cleaned_data["organisations"] = chosen
        return cleaned_data
