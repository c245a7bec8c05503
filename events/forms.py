"""Submit or edit an event. Dates are typed in the event's own time zone."""

import datetime as dt

from django import forms
from django.core.validators import URLValidator
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.images import SafeImageField
from core.text import PlainTextField
from listings.dates import validate_in_calendar_range
from listings.forms import (
    Fieldset,
    SubmissionForm,
    city_field,
    clean_place,
)
from organisations.chooser import OrganisationChooserField
from taxonomy.models import Place

from .models import Event
from .recurrence import zone_named
from .time_zones import zone_of_place, zones_by_region

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def time_zone_choices():
    """The canonical zones grouped by region ("Europe" → "Brussels"), after the empty choice:
    the city's zone."""
    return [("", _("The city's time zone")), *zones_by_region()]


class GroupedQuickSelect(forms.Select):
    """A <select> with <optgroup>s written in Python: about 420 zones would otherwise go through
    a template per option."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = str(value) if value not in (None, "") else ""
        groups = format_html_join("", "{}", ((self._group(*c, chosen),) for c in self.choices))
        attributes = flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name}))
        return format_html("<select{}>{}</select>", attributes, groups)

    def _group(self, key, label, chosen):
        if not isinstance(label, list | tuple):
            return self._option(key, label, chosen)
        options = format_html_join("", "{}", ((self._option(v, lbl, chosen),) for v, lbl in label))
        return format_html('<optgroup label="{}">{}</optgroup>', key, options)

    @staticmethod
    def _option(value, label, chosen):
        selected = " selected" if str(value) == chosen else ""
        return format_html('<option value="{}"{}>{}</option>', value, selected, label)


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as typed, without a zone: the form gives it the event's time zone.

    The years are checked as typed, before any zone applies: 9999-12-31 22:00 in Pago Pago is
    already past year 9999 in UTC."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)
    default_validators = [validate_in_calendar_range]

    def to_python(self, value):
        with timezone.override(dt.UTC):  # no zone's gaps or folds apply yet
            value = super().to_python(value)
            return timezone.make_naive(value) if value else value

    def prepare_value(self, value):
        return value


class HttpURLField(forms.URLField):
    """A web address: http or https only (no javascript:, ftp: or mailto:)."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {
        "invalid": _("Enter a web address starting with http:// or https://.")
    }

    def __init__(self, **kwargs):
        super().__init__(assume_scheme="https", max_length=200, **kwargs)


class EventForm(SubmissionForm):
    checkbox_fields = ["clusters", "areas"]
    prompts = {"recurrence": _("Does not repeat"), "country": _("Choose a country")}

    title = PlainTextField(label=_("Title"), max_length=200)
    start = LocalDateTimeField(label=_("Starts"), help_text=_("In the event's time zone."))
    end = LocalDateTimeField(label=_("Ends"), help_text=_("In the event's time zone."))
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        required=False,
        help_text=_("Left as it is, the zone of the city below. Choose one for online events."),
        widget=GroupedQuickSelect(
            attrs={
                "data-city-zone": "",
                "data-city-zone-note": _("The time zone of %(city)s: %(zone)s."),
            }
        ),
        error_messages={
            "invalid_choice": _("“%(value)s” is not a time zone we know. Choose one from the list.")
        },
    )
    city = city_field(
        help_text=_("Needed for events in person or hybrid. Choose the country first.")
    )
    online_url = HttpURLField(label=_("Online address"), required=False)
    registration_url = HttpURLField(
        label=_("Registration page"),
        required=False,
        help_text=_("Where people sign up or buy tickets (http or https)."),
    )
    organiser = OrganisationChooserField(
        label=_("Organiser"),
        multiple=False,
        required=False,
        help_text=_("An organisation on the hub; leave empty if it is not listed."),
    )
    image = SafeImageField(label=_("Image"), required=False)

    fieldsets = [
        Fieldset("about", _("About"), ["title", "summary", "body", "organiser", "image"]),
        Fieldset("when", _("When"), ["start", "end", "timezone"]),
        Fieldset(
            "repeats",
            _("Repeats"),
            ["recurrence", "recurrence_until", "recurrence_count"],
        ),
        Fieldset(
            "where",
            _("Where"),
            ["format", "venue", "address", "country", "city", "online_url"],
        ),
        Fieldset("tickets", _("Registration and price"), ["registration_url", "is_free", "price"]),
        Fieldset("themes", _("Clusters and themes"), ["clusters", "areas"]),
    ]

    class Meta:
        model = Event
        fields = [
            "title",
            "summary",
            "body",
            "start",
            "end",
            "timezone",
            "recurrence",
            "recurrence_until",
            "recurrence_count",
            "format",
            "venue",
            "address",
            "country",
            "city",
            "online_url",
            "registration_url",
            "is_free",
            "price",
            "organiser",
            "clusters",
            "areas",
            "image",
        ]
        widgets = {
            "format": forms.RadioSelect,
            "recurrence_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "price": _("For example “€10, €5 for students”. Leave empty if it is free."),
            "recurrence_count": _("How many times in all, the first included."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self._set_initial_values()

    def _set_initial_values(self):
        instance = self.instance
        if instance.pk is None:
            self.initial["timezone"] = ""  # the city's, not the model's default
        if instance.start:
            zone = instance.zone
            self.initial["start"] = instance.start.astimezone(zone).replace(tzinfo=None)
            self.initial["end"] = instance.end.astimezone(zone).replace(tzinfo=None)
        if instance.city_id:
            self.initial["city"] = Place.objects.get(pk=instance.city_id).name
        if instance.organiser_id:
            self.initial["organiser"] = instance.organiser

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["city"] = clean_place(self, cleaned_data)
        self._zone_from_city(cleaned_data)
        self._localise(cleaned_data)
        if cleaned_data.get("is_free"):
            cleaned_data["price"] = ""
        return cleaned_data

    def _zone_from_city(self, cleaned_data):
        """No zone chosen: the city's; an event without a city (online) must choose one."""
        if cleaned_data.get("timezone") or "timezone" in self.errors:
            return
        zone = zone_of_place(cleaned_data.get("city"))
        if zone:
            cleaned_data["timezone"] = zone
        elif not self.has_error("city"):
            self.add_error(
                "timezone", _("Choose the time zone: an event without a city has none of its own.")
            )

    def _localise(self, cleaned_data):
        """Start and end, typed in the chosen time zone, as aware datetimes."""
        # An unknown zone is reported at its field; UTC only lets the other checks run.
        zone = zone_named(cleaned_data.get("timezone")) or dt.UTC
        for name in ("start", "end"):
            value = cleaned_data.get(name)
            if isinstance(value, dt.datetime) and value.tzinfo is None:
                cleaned_data[name] = value.replace(tzinfo=zone)
