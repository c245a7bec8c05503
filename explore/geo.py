"""The map's data: the filtered rows with a place, as GeoJSON points (RFC 7946).

One query per kind whatever the data size; the serialised collection is cached per content
version and address, so the map page and the endpoint share it.
"""

import json
from collections import Counter

from django.utils.translation import get_language
from django_countries import countries

from core.content_version import cached

from .kinds import chosen_kinds, filter_params

#: Six decimals of a degree are about 10 cm, the gazetteer's precision.
PRECISION = 6


def map_data(params):
    """{"geojson": str, "counts": {kind: n}, "countries": [(code, name, n)]} for an address."""
    kinds = chosen_kinds(params)
    parts = ([kind.key for kind in kinds], filter_params(params), get_language())
    return cached("explore-map", parts, lambda: _map_data(kinds, params))


def _map_data(kinds, params):
    features, counts, by_country = [], {}, Counter()
    for kind in kinds:
        rows = _located_rows(kind, params)
        counts[kind.key] = len(rows)
        prefix = kind.detail_url_prefix()
        for name, slug, description, latitude, longitude, country in rows:
            features.append(
                _feature(kind.key, name, description, f"{prefix}{slug}/", latitude, longitude)
            )
            by_country[country] += 1
    collection = {"type": "FeatureCollection", "features": features}
    return {
        "geojson": json.dumps(collection, separators=(",", ":"), ensure_ascii=False),
        "counts": counts,
        "total": len(features),
        "countries": _country_rows(by_country),
    }


def _located_rows(kind, params):
    return list(
        kind.filtered(params)
        .filter(city__isnull=False)
        .order_by("pk")
        .values_list(
            kind.name_field,
            "slug",
            kind.description_field,
            "city__latitude",
            "city__longitude",
            "city__country",
        )
    )


def _feature(kind, name, description, url, latitude, longitude):
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [round(float(longitude), PRECISION), round(float(latitude), PRECISION)],
        },
        "properties": {"kind": kind, "name": name, "description": description, "url": url},
    }


def _country_rows(by_country):
    rows = [(code, countries.name(code) or code, count) for code, count in by_country.items()]
    return sorted(rows, key=lambda row: (-row[2], row[1]))
