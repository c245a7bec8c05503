"""Server-rendered SVG charts: the geometry is computed here, the templates only draw it.

No inline style (the CSP forbids it): sizes are SVG attributes, colours CSS classes.
"""

import json
import math
from functools import lru_cache

from django.contrib.staticfiles import finders
from django_countries import countries

from core.templatetags.map_tags import BASEMAP

#: The choropleth's frame (degrees): Europe and its neighbours.
WEST, EAST, SOUTH, NORTH = -25.0, 45.0, 34.0, 71.5
#: Equirectangular at this latitude keeps Europe's shapes close to what people expect.
X_SCALE = math.cos(math.radians(52))
SHADES = 5


#: SVG units: the chart is 600 wide; a row is its label, then one bar per series.
CHART_WIDTH, BAR_AREA, LABEL_HEIGHT, BAR_HEIGHT, ROW_GAP = 600, 520, 16, 14, 10


def chart(series, groups):
    """A bar chart: `series` [(key, label)], `groups` [(label, [(count, url) per series])].

    Returns what templates/explore/chart.html draws (bar widths and positions in SVG units)
    and what its table lists.
    """
    largest = max((count for _label, bars in groups for count, _url in bars), default=0) or 1
    row_height = LABEL_HEIGHT + len(series) * (BAR_HEIGHT + 2) + ROW_GAP
    rows = []
    for index, (label, bars) in enumerate(groups):
        top = index * row_height
        rows.append(
            {
                "label": str(label),
                "label_y": top + LABEL_HEIGHT - 4,
                "bars": [
                    _bar(key, count, url, largest, top + LABEL_HEIGHT + number * (BAR_HEIGHT + 2))
                    for number, ((key, _label), (count, url)) in enumerate(
                        zip(series, bars, strict=True)
                    )
                ],
            }
        )
    return {
        "series": [{"key": key, "label": str(label)} for key, label in series],
        "rows": rows,
        "width": CHART_WIDTH,
        "height": max(row_height * len(groups), 1),
    }


def _bar(series, count, url, largest, y):
    width = round(BAR_AREA * count / largest, 1)
    return {
        "series": series,
        "count": count,
        "url": url,
        "width": width,
        "y": y,
        "height": BAR_HEIGHT,
        "text_x": width + 6,
        "text_y": y + BAR_HEIGHT - 3,
    }


@lru_cache(maxsize=1)
def country_paths():
    """{ISO code: SVG path} of the vendored Natural Earth countries inside the frame."""
    with open(finders.find(BASEMAP), encoding="utf-8") as basemap:
        collection = json.load(basemap)
    paths = {}
    for feature in collection["features"]:
        code, geometry = feature["id"], feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        path = "".join(_ring(ring) for polygon in polygons for ring in polygon)
        if code and path:
            paths[code] = path
    return paths


def _ring(ring):
    points = [_project(lng, lat) for lng, lat in ring]
    if not any(0 <= x <= frame_width() and 0 <= y <= frame_height() for x, y in points):
        return ""
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z"


def _project(lng, lat):
    return ((lng - WEST) * X_SCALE * 10, (NORTH - lat) * 10)


def frame_width():
    return round((EAST - WEST) * X_SCALE * 10)


def frame_height():
    return round((NORTH - SOUTH) * 10)


def choropleth(counts, url_for):
    """Every country of the frame with its shade (0 = none) and, with listings, its link."""
    largest = max(counts.values(), default=0)
    shapes = []
    for code, path in country_paths().items():
        count = counts.get(code, 0)
        shapes.append(
            {
                "code": code,
                "name": countries.name(code) or code,
                "path": path,
                "count": count,
                "shade": _shade(count, largest),
                "url": url_for(code) if count else "",
            }
        )
    return {"shapes": shapes, "width": frame_width(), "height": frame_height()}


def _shade(count, largest):
    """1–5 on a square-root scale (a few countries hold most listings), 0 for none."""
    if not count:
        return 0
    return max(1, math.ceil(SHADES * math.sqrt(count / largest)))
