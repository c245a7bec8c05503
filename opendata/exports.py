"""The downloads' formats: CSV, JSON and GeoJSON, written row by row in constant memory.

Each writer takes a dataset (opendata.dictionary) and a queryset of its rows, and yields text
chunks: the rows are read with `.iterator(chunk_size=CHUNK_SIZE)` (prefetches run per chunk),
so a download of 100,000 rows holds one chunk at a time. The views stream the chunks
(StreamingHttpResponse); the nightly snapshot writes them to a file.
"""

import csv
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

CHUNK_SIZE = 200
#: A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "geojson": "application/geo+json",
}


def records(dataset, queryset):
    """{column name: value} for each row, in the dictionary's order."""
    columns = dataset.columns
    for row in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield {column.name: column.read(row) for column in columns}
        # A prefetched queryset and its row refer to each other: a cycle that only the cyclic
        # collector would free, rarely, so garbage would pile up with the rows. Done with the
        # row, break it, and reference counting frees each chunk as the next one comes.
        getattr(row, "_prefetched_objects_cache", {}).clear()


def write(format, dataset, queryset):
    """The chunks of `queryset` in `format` ("csv", "json" or "geojson")."""
    return WRITERS[format](dataset, queryset)


# CSV ----------------------------------------------------------------------------------------


class _Line:
    """csv.writer's file: hands back the line it was given instead of storing it."""

    def write(self, line):
        return line


def csv_cell(value):
    """Text for a spreadsheet: lists joined, booleans as true/false, and text that a spreadsheet
    would run as a formula prefixed with an apostrophe (numbers are left alone)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return value.isoformat() if hasattr(value, "isoformat") else value


def write_csv(dataset, queryset):
    writer = csv.writer(_Line())
    yield "\ufeff"  # the byte-order mark: spreadsheets then read the file as UTF-8
    yield writer.writerow([column.name for column in dataset.columns])
    for record in records(dataset, queryset):
        yield writer.writerow([csv_cell(value) for value in record.values()])


# JSON and GeoJSON ---------------------------------------------------------------------------


def _dumps(value):
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def about(dataset):
    """What every JSON download says about itself: the dataset, the licence and the source."""
    return {
        "dataset": dataset.key,
        "licence": settings.OPEN_DATA_LICENCE_NAME,
        "licence_url": settings.OPEN_DATA_LICENCE_URL,
        "source": settings.SITE_URL + "/open-data/",
    }


def citation(day=None):
    """How to cite the data (on the page and in each snapshot's README)."""
    values = {
        "site": settings.SITE_URL,
        "licence": settings.OPEN_DATA_LICENCE_NAME,
        "licence_url": settings.OPEN_DATA_LICENCE_URL,
        "day": day.isoformat() if day else _("the date you downloaded it"),
    }
    return (
        _(
            "DSI Hub contributors. DSI Hub open data, as of %(day)s. %(site)s/open-data/. "
            "Licensed under %(licence)s (%(licence_url)s)."
        )
        % values
    )


def _array(opening, items):
    """`opening` (a JSON object's start, up to its array's "["), the items, and the closing."""
    yield opening
    for number, item in enumerate(items):
        yield ("," if number else "") + "\n" + _dumps(item)
    yield "\n]}\n"


def write_json(dataset, queryset):
    opening = _dumps(about(dataset))[:-1] + ', "items": ['
    return _array(opening, records(dataset, queryset))


def feature(record):
    """A GeoJSON Point at the record's city; the other columns are its properties."""
    properties = {k: v for k, v in record.items() if k not in ("latitude", "longitude")}
    point = {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]}
    return {"type": "Feature", "id": record["id"], "geometry": point, "properties": properties}


def write_geojson(dataset, queryset):
    """Rows with a city (and so coordinates) only: GeoJSON has no feature without a place."""
    placed = queryset.filter(city__isnull=False)
    opening = '{"type": "FeatureCollection", ' + _dumps(about(dataset))[1:-1] + ', "features": ['
    return _array(opening, (feature(record) for record in records(dataset, placed)))


WRITERS = {"csv": write_csv, "json": write_json, "geojson": write_geojson}
