from functools import reduce
from operator import or_

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from listings.forms import Fieldset, ListingForm, link_formset_options
from organisations.models import Organisation

from .models import Project

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProjectForm(ListingForm):
    """Register or edit a project; `user` decides which organisations are offered as checkboxes.

    Organisations come from two fields: the user's own organisations as checkboxes, and the names
    of any published organisation typed one per line (works without JavaScript).
    """

    other_organisations = forms.CharField(
        label=_("Other organisations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Partner organisations already published on the hub: one name per line, "
            "exactly as it appears on their page."
        ),
    )

    fieldsets = [
        Fieldset("about", _("About"), ["name", "short_description", "description", "website"]),
        Fieldset("impact", _("Impact"), ["social_impact"]),
        Fieldset("when", _("Status and dates"), ["status", "start_date", "end_date"]),
        Fieldset("organisations", _("Organisations"), ["organisations", "other_organisations"]),
        Fieldset("where", _("Where"), ["country", "city", "address"]),
        Fieldset("themes", _("Themes"), ["areas", "technologies", "focus", "keywords"]),
        Fieldset("links", _("Links"), []),
        Fieldset("images", _("Images"), ["logo", "header_image"]),
    ]
    rich_text_fields = ["description", "social_impact"]

    class Meta:
        model = Project
        fields = [
            "name",
            "short_description",
            "description",
            "social_impact",
            "website",
            "status",
            "start_date",
            "end_date",
            "organisations",
            "country",
            "city",
            "address",
            "areas",
            "technologies",
            "focus",
            "logo",
            "header_image",
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
        super().__init__(*args, **kwargs)
        self.own_organisations = list(Organisation.objects.with_member(user).order_by("name"))
        field = self.fields["organisations"]
        field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in self.own_organisations])
        field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
        field.required = False
        field.help_text = _("Organisations you belong to, published or still awaiting review.")
        if not self.own_organisations:
            del self.fields["organisations"]  # clean() still fills cleaned_data["organisations"]
        if self.instance.pk and not self.is_bound:
            self.initial["other_organisations"] = "\n".join(
                o.name for o in self._linked_organisations() if o not in self.own_organisations
            )

    def _linked_organisations(self):
        return list(self.instance.organisations.all()) if self.instance.pk else []

    def clean_other_organisations(self):
        names = _unique_lines(self.cleaned_data.get("other_organisations", ""))
        if not names:
            return []
        found = self._find_organisations(names)
        missing = [name for name in names if name.lower() not in found]
        if missing:
            raise forms.ValidationError(
                _(
                    "We could not find these organisations on the hub: %(names)s. Check the "
                    "spelling, or leave them out until they are published."
                ),
                params={"names": ", ".join(missing)},
            )
        return list(found.values())

    def _find_organisations(self, names):
        """Published organisations, plus any already linked, matched by name (any case)."""
        already_linked = [o.pk for o in self._linked_organisations()]
        matches = Organisation.objects.filter(
            Q(live=True) | Q(pk__in=already_linked),
            reduce(or_, [Q(name__iexact=name) for name in names]),
        ).order_by("pk")
        found = {}
        for organisation in matches:
            found.setdefault(organisation.name.lower(), organisation)
        return found

    def clean(self):
        cleaned_data = super().clean()
        chosen = list(cleaned_data.get("organisations") or [])
        chosen += [o for o in cleaned_data.get("other_organisations") or [] if o not in chosen]
        cleaned_data["organisations"] = chosen
        return cleaned_data


def _unique_lines(text):
    seen, names = set(), []
    for line in (text or "").splitlines():
        name = line.strip()
        if name and name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names
