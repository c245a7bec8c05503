"""Names and descriptions that read like the directory's: invented, deterministic, local.

People get names from their country's Faker locale; organisations are either DSI-style names
("Open Care Collective Lyon") or local company names (as imported ones often are); every text
comes from the generator seeded in the command, so two runs write the same words.
"""

from django.core.exceptions import ImproperlyConfigured
from django.utils.text import slugify

from . import SEED_EMAIL_DOMAIN

LOCALES = {
    "AT": "de_AT", "BE": "nl_BE", "BG": "bg_BG", "CH": "de_CH", "CZ": "cs_CZ", "DE": "de_DE",
    "DK": "da_DK", "EE": "et_EE", "ES": "es_ES", "FI": "fi_FI", "FR": "fr_FR", "GR": "el_GR",
    "HR": "hr_HR", "HU": "hu_HU", "IE": "en_IE", "IT": "it_IT", "LT": "lt_LT", "LV": "lv_LV",
    "NL": "nl_NL", "NO": "no_NO", "PL": "pl_PL", "PT": "pt_PT", "RO": "ro_RO", "SE": "sv_SE",
    "SI": "sl_SI", "SK": "sk_SK", "UA": "uk_UA",
}  # fmt: skip
DEFAULT_LOCALE = "en_GB"

PREFIXES = [
    "Open", "Civic", "Digital", "Common", "Social", "Fair", "Green", "Public", "Community",
    "Citizen", "Shared", "Local", "Future", "Circular", "Inclusive", "Free",
]  # fmt: skip
THEMES = [
    "Data", "Care", "Streets", "Food", "Energy", "Health", "Learning", "Democracy", "Housing",
    "Mobility", "Water", "Culture", "Maps", "Skills", "Money", "Work", "Code", "Science", "Air",
    "Neighbourhood",
]  # fmt: skip
ORGANISATION_KINDS = [
    "Lab", "Collective", "Foundation", "Cooperative", "Network", "Institute", "Hub", "Alliance",
    "Commons", "Initiative", "Society", "Studio", "Association", "Trust", "Agency",
]  # fmt: skip
PROJECT_KINDS = [
    "Map", "Platform", "Toolkit", "Monitor", "Exchange", "App", "Academy", "Observatory",
    "Atlas", "Network", "Pilot", "Challenge", "Index", "Fund", "Library",
]  # fmt: skip
VERBS = ["Helps", "Connects", "Supports", "Trains", "Equips", "Brings together"]
AUDIENCES = [
    "older people", "young people", "refugees", "local councils", "small farmers", "teachers",
    "patients and carers", "neighbourhood groups", "job seekers", "artists", "researchers",
    "cyclists", "tenants", "volunteers", "parents", "makers",
]  # fmt: skip
PURPOSES = [
    "to share open data", "to map local needs", "to take part in decisions",
    "to learn digital skills", "to cut energy use", "to find affordable housing",
    "to grow and share food", "to repair instead of replace", "to track air quality",
    "to fund community projects", "to find work", "to look after each other",
]  # fmt: skip
SHORT_DESCRIPTION_MAX = 140


class Writer:
    """Invented words for seeded rows, drawn from one random generator."""

    def __init__(self, rng):
        try:
            from faker import Faker  # a development dependency (through factory_boy)
        except ImportError as error:
            raise ImproperlyConfigured(
                "Seeding at scale needs Faker, from the development install (make install)."
            ) from error
        self.rng = rng
        self._fakers = {}
        self._faker_class = Faker
        self.english = self._faker("en_US")

    def person(self, country):
        """`(first_name, last_name)` in the language of the person's country."""
        faker = self._faker(LOCALES.get(country, DEFAULT_LOCALE))
        return faker.first_name()[:150], faker.last_name()[:150]

    def email(self, first_name, last_name, number):
        local = slugify(f"{first_name}.{last_name}").replace("-", ".") or "person"
        return f"{local}.{number}@{SEED_EMAIL_DOMAIN}"

    def job_title(self):
        return self.english.job()[:150]

    def bio(self):
        return self.english.paragraph(nb_sentences=3)

    def organisation_name(self, city, country):
        if self.rng.random() < 0.35:
            return self._faker(LOCALES.get(country, DEFAULT_LOCALE)).company()[:150]
        name = f"{self._pick(PREFIXES)} {self._pick(THEMES)} {self._pick(ORGANISATION_KINDS)}"
        return f"{name} {city}"[:150] if self.rng.random() < 0.4 else name

    def project_name(self):
        kind = self._pick(PROJECT_KINDS)
        roll = self.rng.random()
        if roll < 0.5:
            return f"{self._pick(PREFIXES)} {self._pick(THEMES)} {kind}"
        if roll < 0.8:
            return f"{self._pick(THEMES)}{kind}"
        return f"{self.english.word().title()} {kind}"

    def short_description(self, city, technology):
        sentence = (
            f"{self._pick(VERBS)} {self._pick(AUDIENCES)} in {city} {self._pick(PURPOSES)} "
            f"with {technology.lower()}."
        )
        if len(sentence) <= SHORT_DESCRIPTION_MAX:
            return sentence
        return sentence[: SHORT_DESCRIPTION_MAX - 1].rsplit(" ", 1)[0] + "…"

    def rich_text(self, paragraphs):
        """Sanitised-looking rich text: a few `<p>` paragraphs."""
        return "".join(
            f"<p>{self.english.paragraph(nb_sentences=self.rng.randint(3, 6))}</p>"
            for _ in range(paragraphs)
        )

    def words(self, count):
        return self.english.words(count)

    def website(self, slug):
        return f"https://{slug.removeprefix('seed-')[:50]}.example.org/"

    def _pick(self, choices):
        return self.rng.choice(choices)

    def _faker(self, locale):
        if locale not in self._fakers:
            faker = self._faker_class(locale)
            faker.seed_instance(self.rng.getrandbits(32))
            self._fakers[locale] = faker
        return self._fakers[locale]
