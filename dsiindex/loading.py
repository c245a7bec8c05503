"""Reading an edition from a workbook (XLSX) or three CSV files, all or nothing.

The input is three tables, the sheets (or files) `themes`, `indicators` and `values`:

- themes: `code`, `name`, `weight`
- indicators: `code`, `name`, `theme`, `weight`, and optionally `measure`, `unit`,
  `direction` (`higher` or `lower`; default `higher`), `source`, `year`
- values: `city`, `country` (ISO code), `indicator`, `value` (empty when missing)

`read_tables` checks every row first and returns the problems with their sheet and row; only
when there are none does `load_edition` write, in one transaction, and compute the edition.
"""

import csv
import io
import math
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from taxonomy.models import Place

from .models import City, Direction, Edition, Indicator, Theme, Value
from .services import compute_edition

SHEETS = ("themes", "indicators", "values")
REQUIRED = {
    "themes": ("code", "name", "weight"),
    "indicators": ("code", "name", "theme", "weight"),
    "values": ("city", "country", "indicator", "value"),
}
MAX_ROWS = 100_000


class TablesError(Exception):
    """The input as a whole cannot be read (a missing sheet or column)."""


@dataclass
class Problem:
    sheet: str
    row: int  # 1 = the header row, so the first data row is 2, as a spreadsheet numbers it
    message: str


@dataclass
class Tables:
    themes: list = field(default_factory=list)  # dicts
    indicators: list = field(default_factory=list)
    values: list = field(default_factory=list)  # (place, indicator code, float or None)
    problems: list = field(default_factory=list)


def rows_from_workbook(file):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise TablesError(_("This file is not an Excel workbook (.xlsx).")) from error
    sheets = {name.strip().lower(): workbook[name] for name in workbook.sheetnames}
    tables = {}
    for name in SHEETS:
        if name not in sheets:
            raise TablesError(_("The workbook has no sheet called “%(name)s”.") % {"name": name})
        rows = sheets[name].iter_rows(values_only=True, max_row=MAX_ROWS + 1)
        tables[name] = _as_dicts(name, rows)
    workbook.close()
    return tables


def rows_from_csv(files):
    """`files`: {sheet name: a binary file} for the three tables."""
    tables = {}
    for name in SHEETS:
        try:
            text = io.TextIOWrapper(files[name], encoding="utf-8-sig")
            tables[name] = _as_dicts(name, csv.reader(text))
        except UnicodeDecodeError as error:
            raise TablesError(_("The %(name)s file is not UTF-8 text.") % {"name": name}) from error
    return tables


def _as_dicts(name, rows):
    rows = iter(rows)
    header = [str(cell or "").strip().lower() for cell in next(rows, ())]
    missing = [column for column in REQUIRED[name] if column not in header]
    if missing:
        raise TablesError(
            _("The %(sheet)s table lacks the columns: %(columns)s.")
            % {"sheet": name, "columns": ", ".join(missing)}
        )
    result = []
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise TablesError(_("The %(sheet)s table is too long.") % {"sheet": name})
        cells = ["" if cell is None else str(cell).strip() for cell in row]
        if any(cells):
            result.append((number, dict(zip(header, cells, strict=False))))
    return result


def _number(text):
    try:
        value = float(str(text).replace(",", ".")) if text != "" else None
    except ValueError:
        return "bad"
    return "bad" if value is not None and not math.isfinite(value) else value


def read_tables(tables):
    """Check the three tables; every refused row is a Problem, nothing is written."""
    result = Tables()
    problem = result.problems.append

    themes = {}
    for row, cells in tables["themes"]:
        code, weight = slugify(cells.get("code", "")), _number(cells.get("weight", ""))
        if not code or not cells.get("name"):
            problem(Problem("themes", row, _("A theme needs a code and a name.")))
        elif code in themes:
            problem(
                Problem("themes", row, _("The theme “%(code)s” is listed twice.") % {"code": code})
            )
        elif weight in ("bad", None) or weight < 0:
            problem(Problem("themes", row, _("The weight must be a number of zero or more.")))
        else:
            themes[code] = {"code": code, "name": cells["name"], "weight": weight}
    if themes and sum(theme["weight"] for theme in themes.values()) <= 0:
        problem(Problem("themes", 2, _("The theme weights add up to zero.")))
    result.themes = list(themes.values())

    indicators = {}
    for row, cells in tables["indicators"]:
        code, theme = slugify(cells.get("code", "")), slugify(cells.get("theme", ""))
        weight, year = _number(cells.get("weight", "")), _number(cells.get("year", ""))
        direction = (cells.get("direction") or Direction.HIGHER).lower()
        if not code or not cells.get("name"):
            problem(Problem("indicators", row, _("An indicator needs a code and a name.")))
        elif code in indicators:
            message = _("The indicator “%(code)s” is listed twice.") % {"code": code}
            problem(Problem("indicators", row, message))
        elif theme not in themes:
            message = _("There is no theme “%(theme)s”.") % {"theme": cells.get("theme", "")}
            problem(Problem("indicators", row, message))
        elif weight in ("bad", None) or weight < 0:
            problem(Problem("indicators", row, _("The weight must be a number of zero or more.")))
        elif direction not in Direction.values:
            problem(Problem("indicators", row, _("The direction is “higher” or “lower”.")))
        elif year == "bad":
            problem(Problem("indicators", row, _("The year must be a number.")))
        else:
            indicators[code] = {
                "code": code,
                "name": cells["name"],
                "theme": theme,
                "measure": slugify(cells.get("measure", "")),
                "weight": weight,
                "unit": cells.get("unit", ""),
                "direction": direction,
                "source": cells.get("source", ""),
                "source_year": int(year) if year is not None else None,
            }
    for theme in themes:
        weights = [i["weight"] for i in indicators.values() if i["theme"] == theme]
        if weights and sum(weights) <= 0:
            message = _("The indicators of the theme “%(theme)s” have weights adding up to zero.")
            problem(Problem("indicators", 2, message % {"theme": theme}))
        if not weights:
            message = _("The theme “%(theme)s” has no indicator.") % {"theme": theme}
            problem(Problem("themes", 2, message))
    result.indicators = list(indicators.values())

    places, cells_seen, observed = {}, set(), set()
    for row, cells in tables["values"]:
        key = (cells.get("country", "").upper(), cells.get("city", ""))
        if key not in places:
            places[key] = Place.objects.named(*key) if all(key) else None
        place, code = places[key], slugify(cells.get("indicator", ""))
        value = _number(cells.get("value", ""))
        if place is None:
            message = _("There is no city “%(city)s” in “%(country)s” in the gazetteer.")
            problem(Problem("values", row, message % {"city": key[1], "country": key[0]}))
        elif code not in indicators:
            message = _("There is no indicator “%(code)s”.") % {"code": cells.get("indicator")}
            problem(Problem("values", row, message))
        elif value == "bad":
            message = _("“%(value)s” is not a number.") % {"value": cells.get("value")}
            problem(Problem("values", row, message))
        elif (place.pk, code) in cells_seen:
            message = _("%(city)s has two values for “%(code)s”.") % {"city": key[1], "code": code}
            problem(Problem("values", row, message))
        else:
            cells_seen.add((place.pk, code))
            if value is not None:
                observed.add(code)
            result.values.append((place, code, value))
    for code in indicators:
        if code not in observed:
            message = _("The indicator “%(code)s” has no value for any city.") % {"code": code}
            problem(Problem("values", 1, message))
    if not result.values and not result.problems:
        problem(Problem("values", 1, _("There are no values.")))
    return result


@transaction.atomic
def load_edition(tables, *, year, title, **details):
    """Write a checked edition (replacing the one of the same year) and compute it."""
    Edition.objects.filter(year=year).delete()
    edition = Edition.objects.create(year=year, title=title, **details)
    themes = {
        spec["code"]: Theme.objects.create(edition=edition, position=position, **spec)
        for position, spec in enumerate(tables.themes)
    }
    indicators = {
        spec["code"]: Indicator.objects.create(
            edition=edition, position=position, **{**spec, "theme": themes[spec["theme"]]}
        )
        for position, spec in enumerate(tables.indicators)
    }
    cities, slugs = {}, set()
    for place, _code, _value in tables.values:
        if place.pk not in cities:
            slug = base = slugify(place.ascii_name or place.name) or str(place.pk)
            if slug in slugs:
                slug = f"{base}-{place.country.code.lower()}"
            slugs.add(slug)
            cities[place.pk] = City(edition=edition, place=place, name=place.name, slug=slug)
    City.objects.bulk_create(cities.values())
    Value.objects.bulk_create(
        Value(city=cities[place.pk], indicator=indicators[code], raw=value)
        for place, code, value in tables.values
    )
    compute_edition(edition)
    return edition
