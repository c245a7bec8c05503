"""The hub's basemap as SVG: the vendored Natural Earth countries (static, public domain) in one
frame and projection, for the server-rendered maps (Explore's choropleth, the DSI Index's
cities). The Leaflet maps draw the same file in the browser (static/js/map-base.js)."""

import json
import math
from functools import lru_cache

from django.contrib.staticfiles import finders

from core.templatetags.map_tags import BASEMAP

#: The frame (degrees): Europe and its neighbours.
WEST, EAST, SOUTH, NORTH = -25.0, 45.0, 34.0, 71.5
#: Equirectangular at this latitude keeps Europe's shapes close to what people expect.
X_SCALE = math.cos(math.radians(52))


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


def project(lng, lat):
    """(x, y) in the frame's SVG units of a point in degrees."""
    return _project(float(lng), float(lat))
