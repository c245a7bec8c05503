"""Where an exported record is: its country and a city of the gazetteer (taxonomy.Place).

The country is the export's English name (a few old ISO names included). The city is the
record's `region` matched by name within that country (the most populous of that name);
failing that, the place the record's coordinates are in: the most populous place within
`TOWN_KM` (a city rather than its district), else the nearest within `MAX_KM`, in the same
country when the country is known. The whole gazetteer (34,000 places) is read once per
run into a one-degree grid, so no record costs a query.
"""

import math
from dataclasses import dataclass

from django_countries import countries

from organisations.duplicates import fold
from taxonomy.models import Place

from .text import plain_line

MAX_KM = 50
TOWN_KM = 10
KM_PER_DEGREE = 111.2
#: Names in the export that django-countries spells otherwise.
COUNTRY_ALIASES = {
    "czech republic": "CZ",
    "cote d'ivoire": "CI",
    "reunion": "RE",
    "kosovo": "XK",
    "hong kong": "HK",
    "iran, islamic republic of": "IR",
    "korea, republic of": "KR",
    "macedonia, the former yugoslav republic of": "MK",
    "moldova, republic of": "MD",
    "russian federation": "RU",
    "united states": "US",
    "united kingdom": "GB",
}


@dataclass(frozen=True)
class Location:
    country: str = ""
    city_id: int | None = None
    note: str = ""


def country_code(name):
    name = plain_line(name)
    if not name:
        return ""
    return COUNTRY_ALIASES.get(fold(name)) or countries.by_name(name) or ""


def coordinate(value, limit):
    """A float from the export's number or string; None when empty, zero or out of range."""
    if isinstance(value, str):
        try:
            value = float(value.strip()) if value.strip() else None
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or value == 0 or abs(value) > limit:
        return None
    return float(value)


class Gazetteer:
    def __init__(self):
        self.by_name, self.cells = {}, {}
        rows = Place.objects.order_by("-population", "pk").values_list(
            "pk", "country", "name", "ascii_name", "latitude", "longitude", "population"
        )
        # Most populous first, in every cell: the first place within TOWN_KM is the town.
        for pk, country, name, ascii_name, latitude, longitude, population in rows:
            for key in ((country, fold(name)), (country, fold(ascii_name))):
                self.by_name.setdefault(key, pk)
            point = (float(latitude), float(longitude), pk, country, population)
            self.cells.setdefault(_cell(point[0], point[1]), []).append(point)

    def locate(self, data):
        """The Location of an exported record (country, region, latitude, longitude)."""
        country = country_code(data.get("country"))
        region = plain_line(data.get("region"))
        if country and region:
            for name in (region, region.split(",")[0]):
                if pk := self.by_name.get((country, fold(name))):
                    return Location(country, pk)
        latitude = coordinate(data.get("latitude"), 90)
        longitude = coordinate(data.get("longitude"), 180)
        nearest = None
        if latitude is not None and longitude is not None:
            nearest = self.nearest(latitude, longitude, country)
        if nearest:
            return Location(nearest[1], nearest[0])
        note = f"place not found: “{region}”" if region else ""
        return Location(country, None, note)

    def nearest(self, latitude, longitude, country=""):
        """(place id, country) of the town the point is in, else of the nearest place within
        MAX_KM; None when there is none."""
        town, best, best_km = None, None, MAX_KM
        row, column = _cell(latitude, longitude)
        for cell_row in (row - 1, row, row + 1):
            for cell_column in (column - 1, column, column + 1):
                for place in self.cells.get((cell_row, cell_column), ()):
                    lat, lon, pk, place_country, population = place
                    if country and place_country != country:
                        continue
                    km = _km(latitude, longitude, lat, lon)
                    if km <= TOWN_KM and (town is None or population > town[1]):
                        town = ((pk, place_country), population)
                    if km <= best_km:
                        best, best_km = (pk, place_country), km
        return town[0] if town else best


def _cell(latitude, longitude):
    return math.floor(latitude), math.floor(longitude)


def _km(lat1, lon1, lat2, lon2):
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return math.hypot(x, y) * KM_PER_DEGREE * 180 / math.pi
