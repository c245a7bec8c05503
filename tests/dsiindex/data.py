"""A small edition as the three CSV tables an editor uploads, and helpers to load it."""

import io

from dsiindex.loading import load_edition, read_tables, rows_from_csv

THEMES = "code,name,weight\nsociety,Civil society,3\nskills,Skills,1\n"
INDICATORS = (
    "code,name,theme,weight,unit,direction,measure\n"
    "orgs,DSI organisations,society,1,per 100k,higher,\n"
    "waiting,Days to funding,society,1,days,lower,\n"
    "courses,Coding courses,skills,2,courses,higher,learning\n"
    "clubs,Code clubs,skills,2,clubs,higher,learning\n"
)
CITIES = [("Amsterdam", "NL"), ("Berlin", "DE"), ("Lisbon", "PT"), ("Warsaw", "PL")]
# orgs, waiting, courses, clubs per city (the hand-computed example of test_method.py)
RAW = [(0, 5, 1, 4), (10, 5, 2, 3), (20, 1, 3, 2), (30, 9, 100, 1)]
CODES = ("orgs", "waiting", "courses", "clubs")


def values_csv(cities=CITIES, raw=RAW, extra=""):
    lines = ["city,country,indicator,value"]
    for (city, country), row in zip(cities, raw, strict=False):
        lines += [
            f"{city},{country},{code},{value}" for code, value in zip(CODES, row, strict=True)
        ]
    return "\n".join(lines) + "\n" + extra


def csv_files(themes=THEMES, indicators=INDICATORS, values=None):
    return {
        "themes": io.BytesIO(themes.encode()),
        "indicators": io.BytesIO(indicators.encode()),
        "values": io.BytesIO((values if values is not None else values_csv()).encode()),
    }


def load(year=2018, published=True, **tables):
    checked = read_tables(rows_from_csv(csv_files(**tables)))
    assert not checked.problems, checked.problems
    return load_edition(
        checked, year=year, title=f"Test index {year}", published=published, licence="CC BY 4.0"
    )
