"""Computing an edition: the method's steps run over its values and stored beside them."""

import math

import numpy as np
from django.db import transaction
from django.utils import timezone

from . import method
from .models import City, Indicator, Theme, ThemeScore, Value


def inputs_for(edition):
    """The edition as the method's Inputs, plus the rows in matrix order."""
    themes = list(Theme.objects.filter(edition=edition))
    indicators = list(Indicator.objects.filter(edition=edition).select_related("theme"))
    cities = list(City.objects.filter(edition=edition).order_by("pk"))
    row = {city.pk: r for r, city in enumerate(cities)}
    column = {indicator.pk: c for c, indicator in enumerate(indicators)}
    raw = np.full((len(cities), len(indicators)), np.nan)
    values = list(Value.objects.filter(city__edition=edition))
    for value in values:
        if value.raw is not None:
            raw[row[value.city_id], column[value.indicator_id]] = value.raw
    inputs = method.Inputs(
        cities=[city.pk for city in cities],
        themes={theme.code: theme.weight for theme in themes},
        indicators=[
            method.IndicatorSpec(
                code=indicator.code,
                theme=indicator.theme.code,
                weight=indicator.weight,
                higher_is_better=indicator.higher_is_better,
                measure=indicator.measure,
            )
            for indicator in indicators
        ],
        raw=raw,
    )
    return inputs, themes, cities, values, row, column


def _stored(number):
    return None if number is None or math.isnan(number) else float(number)


@transaction.atomic
def compute_edition(edition):
    """Run the method over the edition and store every step (one transaction)."""
    inputs, themes, cities, values, row, column = inputs_for(edition)
    if not cities or not inputs.indicators:
        return None
    result = method.compute(inputs)
    for value in values:
        r, c = row[value.city_id], column[value.indicator_id]
        value.capped = _stored(result.capped[r, c])
        value.rescaled = _stored(result.rescaled[r, c])
        value.imputed = bool(result.was_imputed[r, c])
        value.score = _stored(result.imputed[r, c])
    Value.objects.bulk_update(values, ["capped", "rescaled", "imputed", "score"], batch_size=2000)
    for r, city in enumerate(cities):
        city.geometric_mean = float(result.geometric[r])
        city.score = float(result.index[r])
        city.rank = int(result.ranks[r])
    City.objects.bulk_update(cities, ["geometric_mean", "score", "rank"])
    ThemeScore.objects.filter(city__edition=edition).delete()
    ThemeScore.objects.bulk_create(
        ThemeScore(
            city=city,
            theme=theme,
            mean=float(result.theme_raw[r, t]),
            score=float(result.theme_scores[r, t]),
        )
        for r, city in enumerate(cities)
        for t, theme in enumerate(themes)
    )
    edition.computed_at = timezone.now()
    edition.save(update_fields=["computed_at"])
    return result
