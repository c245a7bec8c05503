from django import forms
from django.utils.translation import gettext_lazy as _

from listings.forms import (
    LISTING_FIELDS,
    Fieldset,
    ListingForm,
    link_formset_options,
    listing_fieldsets,
)
from taxonomy.models import Network

from .duplicates import find_similar_organisations
from .models import Organisation


class OrganisationForm(ListingForm):
    """Register or edit an organisation (moderated: see listings.services)."""

    fieldsets = listing_fieldsets(
        Fieldset(
            "details", _("The organisation"), ["organisation_type", "size", "founded", "networks"]
        ),
    )
    checkbox_fields = ["areas", "technologies", "focus", "networks"]

    not_a_duplicate = forms.BooleanField(
        label=_("None of these is my organisation: create a new listing"),
        required=False,
    )

    class Meta:
        model = Organisation
        fields = [*LISTING_FIELDS, "organisation_type", "size", "founded", "networks"]
        formsets = {"links": link_formset_options()}
        widgets = {"founded": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {
            "founded": _("The date, or the first of the month or year if that is all you know."),
            "address": _("Optional: street and number, if you want visitors to find you."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_type"].empty_label = _("Choose a type")
        self.fields["size"].empty_label = _("Choose a size")
        if not Network.objects.exists():
            del self.fields["networks"]  # nothing to choose yet; the saved value is kept
        if self.instance.pk:
            del self.fields["not_a_duplicate"]  # only new listings are checked for duplicates

    def clean(self):
        cleaned_data = super().clean()
        if "not_a_duplicate" in self.fields and not cleaned_data.get("not_a_duplicate"):
            self._check_duplicates(cleaned_data)
        return cleaned_data

    def _check_duplicates(self, cleaned_data):
        """Stop a new listing that looks like an existing one until the person confirms."""
        if not cleaned_data.get("name"):
            return
        self.duplicate_candidates = find_similar_organisations(
            cleaned_data["name"], cleaned_data.get("website")
        )
        if self.duplicate_candidates:
            self.add_error(
                "not_a_duplicate",
                _(
                    "This looks like an organisation already on the hub. Ask to join it, or "
                    "tick this box if yours is a different one."
                ),
            )
