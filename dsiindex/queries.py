"""Reads for the index pages: rankings, a city's scores against the median, the map's points.

Each function costs a fixed number of queries whatever the number of cities and indicators.
"""

import statistics
from dataclasses import dataclass

from django.db.models import Prefetch

from core import basemap

from . import method
from .models import City, Indicator, Theme, ThemeScore, Value

# The map's frame: Europe from the Azores to the Urals' foot, in degrees.
MAP_WEST, MAP_EAST, MAP_SOUTH, MAP_NORTH = -12.0, 35.0, 34.0, 67.0
SCORE_CLASSES = 5


@dataclass
class Ranked:
    city: City
    rank: int
    score: float
    themes: list  # [(Theme, score)] in theme order


def themes_of(edition):
    return list(Theme.objects.filter(edition=edition))


def ranking(edition, themes, weights=None):
    """Every city with its theme scores, ranked by the stored index or by other theme weights."""
    cities = list(
        City.objects.filter(edition=edition)
        .select_related("place")
        .prefetch_related(Prefetch("theme_scores", queryset=ThemeScore.objects.order_by()))
        .order_by("pk")
    )
    position = {theme.pk: t for t, theme in enumerate(themes)}
    matrix = []
    for city in cities:
        row = [0.0] * len(themes)
        for theme_score in city.theme_scores.all():
            row[position[theme_score.theme_id]] = theme_score.score
        matrix.append(row)
    if weights is not None and cities:
        index, ranks = method.reweighted(matrix, weights)
    else:
        index = [city.score or 0.0 for city in cities]
        ranks = [city.rank or 0 for city in cities]
    rows = [
        Ranked(city, int(ranks[i]), float(index[i]), list(zip(themes, matrix[i], strict=True)))
        for i, city in enumerate(cities)
    ]
    return sorted(rows, key=lambda row: (row.rank, row.city.name))


def score_class(score):
    """0 (lowest) to SCORE_CLASSES - 1 (highest): the map's colour class of an index score."""
    return min(int(score * SCORE_CLASSES), SCORE_CLASSES - 1)


def project(longitude, latitude):
    """(x, y) of a place on the hub's basemap (core.basemap), kept inside the map's frame."""
    longitude = min(max(float(longitude), MAP_WEST), MAP_EAST)
    latitude = min(max(float(latitude), MAP_SOUTH), MAP_NORTH)
    x, y = basemap.project(longitude, latitude)
    return round(x, 1), round(y, 1)


def map_frame():
    """The SVG viewBox of the map: MAP_WEST..MAP_EAST, MAP_SOUTH..MAP_NORTH on the basemap."""
    left, top = basemap.project(MAP_WEST, MAP_NORTH)
    right, bottom = basemap.project(MAP_EAST, MAP_SOUTH)
    return {
        "x": round(left, 1),
        "y": round(top, 1),
        "width": round(right - left, 1),
        "height": round(bottom - top, 1),
    }


def country_outlines():
    """The basemap's country paths, drawn under the cities."""
    return list(basemap.country_paths().values())


def map_points(rows):
    """[{x, y, row, band}]: each city placed on the map of Europe."""
    points = []
    for row in rows:
        x, y = project(row.city.place.longitude, row.city.place.latitude)
        points.append({"x": x, "y": y, "row": row, "band": score_class(row.score)})
    return points


@dataclass
class ThemeLine:
    theme: Theme
    score: float
    median: float
    mean: float
    indicators: list  # [IndicatorLine]


@dataclass
class IndicatorLine:
    indicator: Indicator
    value: Value
    median: float


def city_scores(city, themes):
    """The city's theme and indicator scores beside the medians of all the edition's cities."""
    edition_id = city.edition_id
    theme_scores = list(ThemeScore.objects.filter(city__edition_id=edition_id))
    values = list(
        Value.objects.filter(city__edition_id=edition_id).select_related("indicator__theme")
    )
    by_theme = {}
    for theme_score in theme_scores:
        by_theme.setdefault(theme_score.theme_id, []).append(theme_score)
    by_indicator = {}
    for value in values:
        by_indicator.setdefault(value.indicator_id, []).append(value)
    lines = []
    for theme in themes:
        scores = by_theme.get(theme.pk, [])
        own = next((s for s in scores if s.city_id == city.pk), None)
        indicators = sorted(
            {v.indicator for v in values if v.indicator.theme_id == theme.pk},
            key=lambda indicator: (indicator.position, indicator.pk),
        )
        lines.append(
            ThemeLine(
                theme=theme,
                score=own.score if own else 0.0,
                mean=own.mean if own else 0.0,
                median=statistics.median(s.score for s in scores) if scores else 0.0,
                indicators=[
                    IndicatorLine(
                        indicator=indicator,
                        value=next(v for v in by_indicator[indicator.pk] if v.city_id == city.pk),
                        median=statistics.median(v.score for v in by_indicator[indicator.pk]),
                    )
                    for indicator in indicators
                    if any(v.city_id == city.pk for v in by_indicator[indicator.pk])
                ],
            )
        )
    return lines
