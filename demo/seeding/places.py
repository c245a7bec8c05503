"""Where seeded people and listings are: gazetteer places drawn in proportion to population."""

from itertools import accumulate

from taxonomy.models import Place

# The hub's community: the EU, the EEA, Switzerland, the United Kingdom, the Western Balkans,
# Ukraine and Moldova. Most seeded rows are here; the rest of the world is a long tail.
EUROPE = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
        "IS",
        "LI",
        "NO",
        "CH",
        "GB",
        "AL",
        "BA",
        "ME",
        "MK",
        "RS",
        "XK",
        "UA",
        "MD",
    ]  # fmt: skip
)
EUROPE_SHARE = 0.9


class PlacePicker:
    """Draws gazetteer places, a city of a million ten times as often as one of 100,000.

    Nine draws in ten come from Europe, the tenth from anywhere else in the gazetteer.
    """

    def __init__(self, rng):
        self.rng = rng
        rows = list(Place.objects.order_by("pk").values_list("pk", "name", "country", "population"))
        self.europe = _Weighted([row for row in rows if row[2] in EUROPE])
        self.world = _Weighted([row for row in rows if row[2] not in EUROPE])

    def pick(self):
        """A `(place_id, city_name, country_code)` triple."""
        region = self.europe if self.rng.random() < EUROPE_SHARE or not self.world else self.world
        place_id, name, country, _population = region.draw(self.rng)
        return place_id, name, country


class _Weighted:
    def __init__(self, rows):
        self.rows = rows
        self.cumulative = list(accumulate(max(1, row[3]) for row in rows))

    def __bool__(self):
        return bool(self.rows)

    def draw(self, rng):
        return rng.choices(self.rows, cum_weights=self.cumulative)[0]
