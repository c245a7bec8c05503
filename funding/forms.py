"""Submit or edit a funding call; the moderation service decides whether it publishes at once."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import ClusterForm

from core.antispam import HoneypotMixin
from core.text import PlainTextField
from listings.forms import RICH_TEXT_HELP, Fieldset
from moderation.richtext import sanitise_html
from organisations.chooser import OrganisationChooserField

from .models import FundingCall

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FundingCallForm(HoneypotMixin, ClusterForm):
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
            "clusters": forms.CheckboxSelectMultiple,
            "areas": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "amount_min": _("Optional, in whole units of the currency."),
            "opens_on": _("Leave empty if it is open already."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["body"].help_text = RICH_TEXT_HELP
        self.fields["body"].widget.attrs["rows"] = 8
        self.fields["call_type"].choices = [
            ("", _("Choose a type")),
            *self.fields["call_type"].choices[1:],
        ]
        self.fields["countries"].widget.attrs["size"] = 8
        if self.instance.funder_organisation_id and not self.is_bound:
            self.initial["funder_organisation"] = self.instance.funder_organisation

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["body"] = sanitise_html(cleaned_data.get("body", ""))
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

    def grouped_fields(self):
        """The fieldsets with bound fields, for components/listing_form.html."""
        return [
            Fieldset(group.key, group.legend, [self[name] for name in group.fields])
            for group in self.fieldsets
        ]

    def error_summary(self):
        """Every problem as (field id or None, label, message), in the order of the page."""
        items = [(None, None, error) for error in self.non_field_errors()]
        for group in self.grouped_fields():
            for field in group.fields:
                target = field.id_for_label or field.auto_id
                if field.widget_type == "checkboxselectmultiple":
                    target = f"{field.auto_id}_0"
                items.extend((target, field.label, error) for error in field.errors)
        return items
