"""The DSI Index pages: the ranking, a city, the weights explorer and the downloads."""

import csv
import io

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.page_cache import cache_for_visitors
from events.models import Event
from organisations.models import Organisation
from projects.models import Project

from . import queries
from .models import City, Edition, Value

HUB_ITEMS = 6  # listings and events of a city shown on its page
MAX_WEIGHT = 100


def current_edition():
    edition = Edition.objects.current()
    if edition is None:
        raise Http404(_("No edition of the DSI Index is published yet."))
    return edition


@cache_for_visitors
def index(request):
    edition = current_edition()
    themes = queries.themes_of(edition)
    rows = queries.ranking(edition, themes)
    return render(
        request,
        "dsiindex/index.html",
        {
            "edition": edition,
            "themes": themes,
            "rows": rows,
            "points": queries.map_points(rows),
            "frame": queries.map_frame(),
            "countries": queries.country_outlines(),
            "bands": range(queries.SCORE_CLASSES),
        },
    )


@cache_for_visitors
def city(request, slug):
    edition = current_edition()
    place_city = get_object_or_404(City.objects.select_related("place"), edition=edition, slug=slug)
    themes = queries.themes_of(edition)
    place = place_city.place
    return render(
        request,
        "dsiindex/city.html",
        {
            "edition": edition,
            "city": place_city,
            "cities_count": City.objects.filter(edition=edition).count(),
            "lines": queries.city_scores(place_city, themes),
            "organisations": list(
                Organisation.objects.published().filter(city=place).order_by("name")[:HUB_ITEMS]
            ),
            "projects": list(
                Project.objects.published().filter(city=place).order_by("name")[:HUB_ITEMS]
            ),
            "events": list(Event.objects.published().upcoming().filter(city=place)[:HUB_ITEMS]),
        },
    )


def requested_weights(request, themes):
    """Theme weights from `?<theme code>=<0–100>`; the edition's weights where absent or bad."""
    weights = []
    for theme in themes:
        try:
            weight = float(request.GET.get(theme.code, ""))
        except ValueError:
            weight = theme.weight
        weights.append(min(max(weight, 0), MAX_WEIGHT))
    if sum(weights) <= 0:
        return [theme.weight for theme in themes], True
    return weights, False


def explore(request):
    edition = current_edition()
    themes = queries.themes_of(edition)
    weights, reset = requested_weights(request, themes)
    rows = queries.ranking(edition, themes, weights)
    published = {
        "themes": [
            {"code": theme.code, "name": theme.name, "weight": theme.weight} for theme in themes
        ],
        "cities": [
            {
                "slug": row.city.slug,
                "name": row.city.name,
                "scores": [score for _theme, score in row.themes],
            }
            for row in rows
        ],
    }
    return render(
        request,
        "dsiindex/explore.html",
        {
            "edition": edition,
            "themes": themes,
            "theme_weights": list(zip(themes, weights, strict=True)),
            "rows": rows,
            "reset": reset,
            "published": published,
        },
    )


def _download(edition, name, fmt, header, records):
    filename = f"dsi-index-{edition.year}-{name}.{fmt}"
    if fmt == "json":
        response = JsonResponse(
            {
                "edition": edition.year,
                "title": edition.title,
                "licence": edition.licence,
                "source": edition.source,
                "synthetic": edition.synthetic,
                name: [dict(zip(header, record, strict=True)) for record in records],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(records)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@cache_for_visitors
def download(request, name, fmt):
    edition = current_edition()
    if name == "inputs":
        values = (
            Value.objects.filter(city__edition=edition)
            .select_related("city__place", "indicator__theme")
            .order_by("city__name", "indicator__theme__position", "indicator__position")
        )
        header = ["city", "country", "theme", "indicator", "unit", "direction", "value"]
        records = [
            [
                value.city.name,
                value.city.place.country.code,
                value.indicator.theme.code,
                value.indicator.code,
                value.indicator.unit,
                value.indicator.direction,
                value.raw,
            ]
            for value in values
        ]
    else:
        themes = queries.themes_of(edition)
        rows = queries.ranking(edition, themes)
        header = ["rank", "city", "country", "index", *[theme.code for theme in themes]]
        records = [
            [
                row.rank,
                row.city.name,
                row.city.place.country.code,
                round(row.score, 6),
                *[round(score, 6) for _theme, score in row.themes],
            ]
            for row in rows
        ]
    return _download(edition, name, fmt, header, records)
