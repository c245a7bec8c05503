"""Submit or edit a funding call; the moderation service decides whether it publishes at once."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import PlainTextField
from listings.forms import Fieldset, SubmissionForm
from organisations.chooser import OrganisationChooserField

from .models import FundingCall

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FundingCallForm(SubmissionForm):
    checkbox_fields = ["clusters", "areas"]
    prompts = {"call_type": _("Choose a type")}

    title = PlainTextField(label=_("Title"), max_length=200)
    url = forms.URLField(
        label=_("Web address of the call"),
        assume_scheme="https",
        max_length=500,
        help_text=_("The funder's page where people read the rules and apply."),
    )
    funder = PlainTextField(
        label=_("Funder"),
        required=False,
        max_length=200,
        help_text=_("Who gives the money or support. Not needed if you choose it below."),
    )
    funder_organisation = OrganisationChooserField(
        multiple=False,
        required=False,
        label=_("Funder on the hub"),
        help_text=_("If the funder has a page on the hub, the call is shown there too."),
    )

    fieldsets = [
        Fieldset("about", _("The call"), ["title", "summary", "body", "url", "call_type"]),
        Fieldset("funder", _("Funder"), ["funder", "funder_organisation"]),
        Fieldset("who", _("Who can apply"), ["audiences", "countries"]),
        Fieldset("amount", _("Amount"), ["amount_min", "amount_max", "currency"]),
        Fieldset("dates", _("Dates"), ["opens_on", "closes_on"]),
        Fieldset("themes", _("Themes"), ["clusters", "areas"]),
    ]
    duplicate_candidates = []  # the shared form template asks

    class Meta:
        model = FundingCall
        fields = [
            "title",
            "summary",
            "body",
            "url",
            "call_type",
            "funder",
            "funder_organisation",
            "audiences",
            "countries",
            "amount_min",
            "amount_max",
            "currency",
            "opens_on",
            "closes_on",
            "clusters",
            "areas",
        ]
        widgets = {
            "opens_on": DATE_INPUT,
            "closes_on": DATE_INPUT,
        }
        help_texts = {
            "amount_min": _("Optional, in whole units of the currency."),
            "opens_on": _("Leave empty if it is open already."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["countries"].widget.attrs["size"] = 8
        if self.instance.funder_organisation_id and not self.is_bound:
            self.initial["funder_organisation"] = self.instance.funder_organisation

    def clean(self):
        cleaned_data = super().clean()
        self._check_funder(cleaned_data)
        self._check_dates(cleaned_data)
        self._check_amounts(cleaned_data)
        return cleaned_data

    def _check_funder(self, cleaned_data):
        if "funder_organisation" in self.errors:
            return
        if not cleaned_data.get("funder") and not cleaned_data.get("funder_organisation"):
            self.add_error("funder", _("Name the funder, or choose it among the organisations."))

    def _check_dates(self, cleaned_data):
        opens, closes = cleaned_data.get("opens_on"), cleaned_data.get("closes_on")
        if closes and self.instance.pk is None and closes < timezone.localdate():
            self.add_error("closes_on", _("This date has passed: a new call must still be open."))
        elif closes and opens and closes < opens:
            self.add_error("closes_on", _("The call cannot close before it opens."))

    def _check_amounts(self, cleaned_data):
        low, high = cleaned_data.get("amount_min"), cleaned_data.get("amount_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "amount_max", _("The largest amount cannot be smaller than the smallest.")
            )
