"""Form submissions and image uploads for the listing tests (organisations and projects)."""

import io
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from taxonomy.models import AreaOfImpact, Technology

LINK_MANAGEMENT = {
    "links-TOTAL_FORMS": "3",
    "links-INITIAL_FORMS": "0",
    "links-MIN_NUM_FORMS": "0",
    "links-MAX_NUM_FORMS": "10",
}


def organisation_data(**overrides):
    """A valid organisation form submission; keyword arguments replace or add fields."""
    data = {
        "name": "Open Kitchen Collective",
        "short_description": "Neighbours cooking together and sharing what is left.",
        "description": "We run community kitchens.\n\nAnyone can join.",
        "website": "https://openkitchen.example.org",
        "country": "ES",
        "city": "Barcelona",
        "address": "",
        "areas": [str(AreaOfImpact.objects.get(slug="health-and-care").pk)],
        "technologies": [],
        "focus": [],
        "keywords": "food, community kitchens",
        "contact_fax": "",
        **LINK_MANAGEMENT,
        "links-0-kind": "github",
        "links-0-url": "https://github.com/openkitchen",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def project_data(**overrides):
    """A valid project form submission (one area, one technology)."""
    data = organisation_data(
        name="Repair Map",
        short_description="A map of repair cafés and the people who fix things there.",
        description="Find a repair café near you.",
        keywords="repair",
        status="live",
        start_date="2024-03-01",
        end_date="",
        social_impact="Fewer things thrown away.",
        technologies=[str(Technology.objects.order_by("pk").first().pk)],
        partners_add="",
    )
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def image_bytes(size=(200, 120), image_format="PNG", exif=None, color=(20, 120, 90)):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, color).save(buffer, format=image_format, **options)
    return buffer.getvalue()


def image_upload(name="logo.png", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/png")


def camera_exif():
    """EXIF as a phone writes it: the make, model and GPS position of the camera."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone 12"  # Model
    exif[0x8825] = {1: "N", 2: (41.0, 23.0, 0.0)}  # GPSInfo
    return exif


class _FormValues(HTMLParser):
    """What a browser would submit from the form with `form_id` (text, choices, checkboxes)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.values = form_id, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif self.inside and tag == "input" and attrs.get("name"):
            self._input(attrs)
        elif self.inside and tag == "select":
            self._select = attrs.get("name")
        elif self.inside and tag == "option" and self._select and "selected" in attrs:
            self.values.append((self._select, attrs.get("value", "")))
        elif self.inside and tag == "textarea":
            self._textarea = [attrs.get("name"), ""]

    def _input(self, attrs):
        kind = attrs.get("type", "text")
        if kind in ("checkbox", "radio") and "checked" not in attrs:
            return
        if kind in ("submit", "button", "file", "image"):
            return
        default = "on" if kind in ("checkbox", "radio") else ""
        self.values.append((attrs["name"], attrs.get("value", default)))

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.values.append((self._textarea[0], self._textarea[1].removeprefix("\n")))
            self._textarea = None


def form_values(html, form_id):
    """The (name, value) pairs a browser would post from the form `form_id` in `html`."""
    parser = _FormValues(form_id)
    parser.feed(html)
    data = {}
    for name, value in parser.values:
        data.setdefault(name, []).append(value)
    return data


def event_data(**overrides):
    """A valid event form submission (in person in Barcelona, Europe/Madrid, next year)."""
    from django.utils import timezone

    year = timezone.now().year + 1
    data = {
        "title": "Open Data Breakfast",
        "summary": "Coffee and open data for the neighbourhood.",
        "body": "We look at the city's new datasets.\n\nBring a laptop.",
        "start": f"{year}-03-05T09:00",
        "end": f"{year}-03-05T11:00",
        "timezone": "Europe/Madrid",
        "recurrence": "",
        "recurrence_until": "",
        "recurrence_count": "",
        "format": "in_person",
        "venue": "Civic Centre",
        "address": "Carrer de Mallorca 1",
        "country": "ES",
        "city": "Barcelona",
        "online_url": "",
        "registration_url": "https://tickets.example.org/breakfast",
        "price": "€5",
        "organiser": [],
        "organiser_add": "",
        "clusters": [],
        "areas": [str(AreaOfImpact.objects.get(slug="health-and-care").pk)],
        "contact_fax": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
