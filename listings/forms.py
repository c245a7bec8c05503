"""What the organisation and project forms share: place, keywords, images, links, rich text.

`ListingForm` is a modelcluster `ClusterForm`, so links (a child relation), the checkbox lists
(ParentalManyToManyField) and keywords are held in memory on `form.save(commit=False)` and
become part of the revision the moderation service saves.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modelcluster.forms import BaseChildFormSet, ClusterForm
from taggit.models import Tag
from taggit.utils import edit_string_for_tags, parse_tags

from core.antispam import HoneypotMixin
from core.images import SafeImageField
from moderation.richtext import sanitise_html
from taxonomy.keywords import tag_named
from taxonomy.models import Place

from .choices import LinkKind

#: The EU's member states, offered first in country lists.
# fmt: off
EU_COUNTRIES = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
}
# fmt: on
MAX_KEYWORDS = 20
MAX_LINKS = 10
RICH_TEXT_HELP = _(
    "Plain text is fine: leave a blank line between paragraphs. You may also use simple HTML: "
    "&lt;strong&gt;, &lt;em&gt;, lists, links, &lt;h2&gt;/&lt;h3&gt; headings and quotes."
)


class Fieldset:
    """A named group of fields, rendered as <fieldset> by components/listing_form.html."""

    def __init__(self, key, legend, fields):
        self.key, self.legend, self.fields = key, legend, fields


#: What every kind of listing edits: `Meta.fields = [*LISTING_FIELDS, <the kind's own>]`.
LISTING_FIELDS = [
    "name",
    "short_description",
    "description",
    "website",
    "country",
    "city",
    "address",
    "areas",
    "technologies",
    "focus",
    "logo",
    "header_image",
]


def listing_fieldsets(*own):
    """The form's sections: about, then the kind's `own` fieldsets, then place, themes, links
    and images."""
    return [
        Fieldset("about", _("About"), ["name", "short_description", "description", "website"]),
        *own,
        Fieldset("where", _("Where"), ["country", "city", "address"]),
        Fieldset("themes", _("Themes"), ["areas", "technologies", "focus", "keywords"]),
        Fieldset("links", _("Links"), []),
        Fieldset("images", _("Images"), ["logo", "header_image"]),
    ]


class LinkForm(ClusterForm):
    url = forms.URLField(label=_("Address"), assume_scheme="https", max_length=200)

    class Meta:
        fields = ["kind", "url"]
        labels = {"kind": _("Kind of link")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Choose a kind")), *LinkKind.choices]
        # A row is optional as a whole; clean() asks for the missing half of a used row.
        self.fields["kind"].required = self.fields["url"].required = False

    def clean(self):
        cleaned_data = super().clean()
        kind, url = cleaned_data.get("kind"), cleaned_data.get("url")
        if url and not kind and "kind" not in self.errors:
            self.add_error("kind", _("Choose what kind of link this is."))
        if kind and not url and "url" not in self.errors:
            self.add_error("url", _("Enter the address of the link."))
        if not kind and not url and self.instance.pk and not cleaned_data.get("DELETE"):
            self.add_error("url", _("Enter the address, or tick “Remove this link”."))
        return cleaned_data


class LinkFormSet(BaseChildFormSet):
    """A few link rows; existing links can be removed, blank extra rows are ignored.

    A posted form whose existing rows name no link of this listing (a missing, non-numeric or
    foreign id: never what our page sends) gets a formset error instead of a server error.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_delete_extra = False
        self.tampered = self.is_bound and self._forget_unknown_ids()

    def _forget_unknown_ids(self):
        try:
            count = self.initial_form_count()
        except ValidationError:
            return False  # a broken management form: Django reports it already
        known = {str(link.pk) for link in self.get_queryset()}
        unknown = [
            key
            for key in (f"{self.add_prefix(i)}-id" for i in range(count))
            if self.data.get(key) not in known
        ]
        if unknown:
            self.data = self.data.copy()
            for key in unknown:
                self.data[key] = ""
        return bool(unknown)

    def clean(self):
        super().clean()
        if self.tampered:
            raise ValidationError(
                _(
                    "The links could not be matched with this listing’s links. Please reload "
                    "the page and enter your changes again."
                ),
                code="tampered",
            )

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this link")


def link_formset_options(form=LinkForm):
    return {
        "form": form,
        "formset": LinkFormSet,
        "fields": ["kind", "url"],
        "extra": 3,
        "max_num": MAX_LINKS,
        "validate_max": True,
        "can_delete": True,
    }


def city_field(**kwargs):
    """The city as typed text (matched in the gazetteer by `clean_place`); static/js/
    city-autocomplete.js suggests names as people type."""
    options = {
        "label": _("City"),
        "required": False,
        "max_length": 200,
        "help_text": _("Type the name of the city or town: the country follows from it."),
        "widget": forms.TextInput(attrs={"autocomplete": "off", "data-city-input": ""}),
        **kwargs,
    }
    return forms.CharField(**options)


def clean_place(form, cleaned_data):
    """The gazetteer Place for the typed `city` in the chosen `country`, or None; adds an error
    at the field when it is not found (or the country is missing)."""
    name = (cleaned_data.get("city") or "").split(",")[0].strip()
    country = cleaned_data.get("country")
    if not name:
        return None
    if not country:
        return _place_and_its_country(form, cleaned_data, name)
    place = Place.objects.named(country, name)
    if place is None:
        form.add_error(
            "city",
            _(
                "We could not find “%(name)s” in %(country)s. Check the spelling, or "
                "choose the nearest larger town."
            )
            % {"name": name, "country": countries.name(country)},
        )
    return place


def _place_and_its_country(form, cleaned_data, name):
    """No country chosen: the most populous place of that name anywhere, whose country becomes
    the form's (the country follows from the city)."""
    place = Place.objects.named_anywhere(name)
    if place is None:
        if "country" not in form.errors:
            form.add_error("country", _("Choose the country the city is in."))
        return None
    cleaned_data["country"] = place.country.code
    return place


def common_countries_first(field, prompt):
    """The country list with the EU's members first, then every country (Afghanistan on)."""
    everything = [choice for choice in list(field.choices) if choice[0]]
    common = [choice for choice in everything if choice[0] in EU_COUNTRIES]
    field.choices = [
        ("", prompt),
        (_("European Union"), common),
        (_("All countries"), everything),
    ]


class FieldsetsMixin:
    """Fields grouped in `fieldsets` and an error summary: what components/listing_form.html
    renders (listing and event forms)."""

    fieldsets = []
    duplicate_candidates = []  # filled by forms that check for existing content

    def grouped_fields(self):
        """The fieldsets with bound fields, for the template."""
        return [
            Fieldset(
                group.key,
                group.legend,
                [self[name] for name in group.fields if name in self.fields],
            )
            for group in self.fieldsets
        ]

    def error_summary(self):
        """Every problem, as (field id or None, label, message), for the summary at the top."""
        items = [(None, None, error) for error in self.non_field_errors()]
        grouped = [field for fieldset in self.grouped_fields() for field in fieldset.fields]
        names = {field.name for field in grouped}
        ungrouped = [field for field in self.visible_fields() if field.name not in names]
        for field in ungrouped + grouped:  # in the order of the page
            items.extend((_target_id(field), field.label, error) for error in field.errors)
        return items


class SubmissionForm(FieldsetsMixin, HoneypotMixin, ClusterForm):
    """What every submission form shares (listings, events, funding calls): grouped fields with
    an error summary, the honeypot, the person filling it in (`user`), `checkbox_fields` drawn
    as checkboxes, and `rich_text_fields` with their help, room and sanitising."""

    checkbox_fields = []
    rich_text_fields = ["body"]
    prompts = {}  # field name -> what its empty first choice says ("Choose a country")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for name, prompt in self.prompts.items():
            field = self.fields[name]
            field.choices = [("", prompt), *list(field.choices)[1:]]
        if "country" in self.fields:
            common_countries_first(self.fields["country"], self.prompts.get("country", ""))
        for name in self.checkbox_fields:
            field = self.fields[name]
            field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
        for name in self.rich_text_fields:
            self.fields[name].help_text = RICH_TEXT_HELP
            self.fields[name].widget.attrs["rows"] = 8

    def clean(self):
        cleaned_data = super().clean()
        for name in self.rich_text_fields:
            if name in cleaned_data:
                cleaned_data[name] = sanitise_html(cleaned_data[name])
        return cleaned_data


class ListingForm(SubmissionForm):
    """Base form for a listing: subclasses set Meta.model, Meta.fields and `fieldsets`."""

    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", max_length=200
    )
    city = city_field()
    keywords = forms.CharField(
        label=_("Keywords"),
        required=False,
        max_length=1000,
        help_text=_("Separated by commas, for example: open data, civic tech, co-design."),
    )
    logo = SafeImageField(label=_("Logo"), required=False)
    header_image = SafeImageField(
        label=_("Header image"),
        required=False,
        help_text=_("A wide picture for the top of the page. Same limits as the logo."),
    )

    checkbox_fields = ["areas", "technologies", "focus"]
    rich_text_fields = ["description"]
    prompts = {"country": _("Choose a country")}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self._set_up_fields()
        if self.instance.pk and not self.is_bound:
            self._set_initial_place_and_keywords()

    def _set_up_fields(self):
        short = self.fields["short_description"]
        short.widget.attrs.pop("maxlength", None)  # the server explains; the browser must not cut
        short.error_messages["max_length"] = _(
            "Keep the short description to 140 characters or fewer (it has %(show_value)d)."
        )

    def _set_initial_place_and_keywords(self):
        if self.instance.city_id:
            self.initial["city"] = Place.objects.get(pk=self.instance.city_id).name
        tag_ids = [item.tag_id for item in self.instance.tagged_keywords.all()]
        tags = Tag.objects.filter(pk__in=tag_ids).order_by("name") if tag_ids else []
        self.initial["keywords"] = edit_string_for_tags(tags)

    @property
    def links(self):
        return self.formsets["links"]

    def error_summary(self):
        """Every problem, the links' included, as (field id or None, label, message)."""
        items = super().error_summary()
        for number, link_form in enumerate(self.links.forms, start=1):
            for field in link_form.visible_fields():
                label = _("Link %(number)s, %(field)s") % {
                    "number": number,
                    "field": str(field.label).lower(),
                }
                items.extend((field.id_for_label, label, error) for error in field.errors)
        items.extend((None, _("Links"), error) for error in self.links.non_form_errors())
        return items

    def clean_keywords(self):
        names = _unique_case_insensitive(parse_tags(self.cleaned_data.get("keywords", "")))
        if len(names) > MAX_KEYWORDS:
            raise forms.ValidationError(
                _("Use at most %(max)s keywords (you gave %(count)s)."),
                params={"max": MAX_KEYWORDS, "count": len(names)},
            )
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise forms.ValidationError(_("Keep each keyword under 100 characters."))
        return _reuse_existing_spelling(names)

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["city"] = self._clean_place(cleaned_data)
        return cleaned_data

    def _clean_place(self, cleaned_data):
        return clean_place(self, cleaned_data)

    def save(self, commit=True):
        self._number_links()
        instance = super().save(commit=False)
        instance.keywords.set(_tags_for(self.cleaned_data["keywords"]))
        if commit:
            instance.save()
            self._save_m2m()
        return instance

    def _number_links(self):
        """Links keep the order of the rows in the form."""
        kept = [
            form.instance
            for form in self.links.forms
            if not self.links._should_delete_form(form) and (form.instance.pk or form.has_changed())
        ]
        for position, link in enumerate(kept):
            link.sort_order = position


def _target_id(field):
    """Where the summary link jumps to: the input, or a checkbox list's first box."""
    if field.widget_type == "checkboxselectmultiple":
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


def _tags_for(keywords):
    """Tag rows for the cleaned keywords: existing ones as they are, new names created."""
    return [tag if isinstance(tag, Tag) else tag_named(tag) for tag in keywords]


def _unique_case_insensitive(names):
    seen, unique = set(), []
    for name in names:
        if name.lower() not in seen:
            seen.add(name.lower())
            unique.append(name)
    return unique


def _reuse_existing_spelling(names):
    """Existing tags whose name matches case-insensitively, and new names for the rest.

    "open data" typed after "Open Data" exists reuses the existing tag, so one spelling stays.
    """
    if not names:
        return []
    existing = {}
    for tag in (
        Tag.objects.annotate(lower_name=Lower("name"))
        .filter(lower_name__in=[name.lower() for name in names])
        .order_by("pk")
    ):
        existing.setdefault(tag.lower_name, tag)
    return [existing.get(name.lower(), name) for name in names]
