"""What every map of the hub is drawn on, as data attributes for static/js/map-base.js.

By default the vendored Natural Earth country outlines (no third-party request); raster tiles
only when MAP_TILE_URL is set (and the CSP then allows its origin, dsihub.settings).
"""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

#: Natural Earth 1:110m countries (public domain), from world-atlas, as GeoJSON.
BASEMAP = "vendor/world-atlas/2.0.2/countries-110m.geojson"


@register.simple_tag
def map_base_attributes():
    return format_html(
        'data-basemap="{}" data-tiles="{}" data-tiles-attribution="{}"',
        static(BASEMAP),
        settings.MAP_TILE_URL,
        settings.MAP_TILE_ATTRIBUTION,
    )
