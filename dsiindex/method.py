"""The European Digital Social Innovation Index, computed step by step as published.

Pure functions over numpy arrays: no Django, no database. `compute(inputs)` runs the whole
method and returns every intermediate step, so each score can be explained and the browser can
re-weight the themes from the published per-step data with the same result.

The steps, for a matrix of raw values (cities × indicators, NaN where a value is missing):

1. **Outliers capped** per indicator by the interquartile rule: values below Q1 − 1.5·IQR or
   above Q3 + 1.5·IQR become those fences (quartiles of the observed values, linear
   interpolation).
2. **Rescaled min–max to [0.1, 0.9]** per indicator; where lower is better the scale is
   reversed, so 0.9 is always the best. An indicator with one distinct value scores 0.5.
3. **Missing values imputed** on the rescaled matrix with scikit-learn's `IterativeImputer`
   (seeded with `IMPUTER_SEED`, bounded to [0.1, 0.9]), so an imputed value lies on the same
   scale as the observed ones.
4. **Sub-measures averaged**: indicators that share a `measure` are averaged (unweighted) into
   one measure, whose weight inside the theme is the mean of their weights.
5. **Themes**: the weighted arithmetic mean of each theme's measures (weights normalised inside
   the theme), then rescaled min–max across cities to [0.1, 0.9].
6. **Index**: the weighted geometric mean of the rescaled themes (theme weights normalised to
   sum to one), then rescaled min–max across cities to [0, 1].

Ranks are competition ranks ("1, 2, 2, 4") by index, highest first.
"""

import math
from dataclasses import dataclass

import numpy as np

LOW, HIGH = 0.1, 0.9
IMPUTER_SEED = 20180611  # the date of the EDSII's publication; any fixed number would do
IMPUTER_MAX_ITER = 10


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    theme: str
    weight: float
    higher_is_better: bool = True
    measure: str = ""  # indicators with the same measure are its sub-measures

    @property
    def measure_key(self):
        return self.measure or self.code


@dataclass(frozen=True)
class Inputs:
    cities: list  # city keys, in row order
    themes: dict  # theme code -> weight (any positive scale)
    indicators: list  # IndicatorSpec, in column order
    raw: np.ndarray  # cities × indicators, NaN = missing


@dataclass(frozen=True)
class Result:
    capped: np.ndarray  # cities × indicators (NaN where missing)
    fences: np.ndarray  # indicators × 2: the lower and upper fence
    rescaled: np.ndarray  # cities × indicators (NaN where missing)
    imputed: np.ndarray  # cities × indicators, complete
    was_imputed: np.ndarray  # cities × indicators, bool
    measures: list  # (theme, measure key, weight) per measure column
    measure_scores: np.ndarray  # cities × measures
    theme_codes: list
    theme_raw: np.ndarray  # cities × themes: weighted arithmetic means
    theme_scores: np.ndarray  # cities × themes, rescaled to [0.1, 0.9]
    geometric: np.ndarray  # cities: weighted geometric mean of the theme scores
    index: np.ndarray  # cities: rescaled to [0, 1]
    ranks: np.ndarray  # cities: 1 = best


def fences(column):
    """The interquartile fences of the observed values of one indicator."""
    observed = column[~np.isnan(column)]
    if observed.size == 0:
        return (math.nan, math.nan)
    q1, q3 = np.percentile(observed, [25, 75])
    spread = q3 - q1
    return (q1 - 1.5 * spread, q3 + 1.5 * spread)


def cap_outliers(column):
    low, high = fences(column)
    return np.clip(column, low, high)  # NaN stays NaN


def rescale(column, *, low=LOW, high=HIGH, higher_is_better=True):
    """Min–max to [low, high] over the observed values; one distinct value gives the middle."""
    observed = column[~np.isnan(column)]
    if observed.size == 0:
        return column.copy()
    smallest, largest = observed.min(), observed.max()
    if largest == smallest:
        return np.where(np.isnan(column), np.nan, (low + high) / 2)
    share = (column - smallest) / (largest - smallest)
    if not higher_is_better:
        share = 1 - share
    return low + (high - low) * share


def impute(matrix, *, seed=IMPUTER_SEED):
    """Fill NaN cells; a complete matrix comes back unchanged."""
    missing = np.isnan(matrix)
    if not missing.any():
        return matrix.copy()
    # The import refuses an indicator with no value at all, so every column has one.
    from sklearn.experimental import enable_iterative_imputer  # noqa: F401
    from sklearn.impute import IterativeImputer

    imputer = IterativeImputer(
        random_state=seed, max_iter=IMPUTER_MAX_ITER, min_value=LOW, max_value=HIGH
    )
    filled = imputer.fit_transform(matrix)
    return np.where(missing, filled, matrix)


def normalised(weights):
    weights = np.asarray(weights, dtype=float)
    total = weights.sum()
    if total <= 0:
        raise ValueError("weights must add up to more than zero")
    return weights / total


def geometric_mean(scores, weights):
    """Weighted geometric mean of each row of `scores` (all positive)."""
    return np.exp(np.log(scores) @ normalised(weights))


def competition_ranks(values):
    """1 for the highest value; equal values share a rank and the next rank is skipped."""
    rounded = np.round(values, 12)  # ties that differ only by floating-point noise
    return np.array([1 + int((rounded > value).sum()) for value in rounded])


def group_measures(indicators):
    """[(theme, measure key, weight, [column indexes])] in first-appearance order."""
    groups = {}
    for column, spec in enumerate(indicators):
        key = (spec.theme, spec.measure_key)
        groups.setdefault(key, []).append(column)
    return [
        (theme, measure, float(np.mean([indicators[c].weight for c in columns])), columns)
        for (theme, measure), columns in groups.items()
    ]


def theme_step(imputed, indicators, theme_codes):
    """Sub-measures averaged, then each theme's weighted arithmetic mean of its measures."""
    groups = group_measures(indicators)
    measure_scores = np.column_stack([imputed[:, columns].mean(axis=1) for *_, columns in groups])
    theme_raw = np.column_stack(
        [
            measure_scores[:, [i for i, group in enumerate(groups) if group[0] == theme]]
            @ normalised([group[2] for group in groups if group[0] == theme])
            for theme in theme_codes
        ]
    )
    measures = [(theme, measure, weight) for theme, measure, weight, _ in groups]
    return measures, measure_scores, theme_raw


def index_step(theme_scores, theme_weights):
    """The weighted geometric mean of the theme scores, rescaled to [0, 1], and the ranks."""
    geometric = geometric_mean(theme_scores, theme_weights)
    index = rescale(geometric, low=0.0, high=1.0)
    return geometric, index, competition_ranks(index)


def compute(inputs):
    raw = np.asarray(inputs.raw, dtype=float)
    theme_codes = list(inputs.themes)
    columns = range(len(inputs.indicators))
    capped = np.column_stack([cap_outliers(raw[:, c]) for c in columns])
    bounds = np.array([fences(raw[:, c]) for c in columns])
    rescaled = np.column_stack(
        [
            rescale(capped[:, c], higher_is_better=inputs.indicators[c].higher_is_better)
            for c in columns
        ]
    )
    imputed = impute(rescaled)
    measures, measure_scores, theme_raw = theme_step(imputed, inputs.indicators, theme_codes)
    theme_scores = np.column_stack([rescale(theme_raw[:, t]) for t in range(len(theme_codes))])
    weights = [inputs.themes[code] for code in theme_codes]
    geometric, index, ranks = index_step(theme_scores, weights)
    return Result(
        capped=capped,
        fences=bounds,
        rescaled=rescaled,
        imputed=imputed,
        was_imputed=np.isnan(rescaled),
        measures=measures,
        measure_scores=measure_scores,
        theme_codes=theme_codes,
        theme_raw=theme_raw,
        theme_scores=theme_scores,
        geometric=geometric,
        index=index,
        ranks=ranks,
    )


def reweighted(theme_scores, theme_weights):
    """The index and ranks for other theme weights, from the published theme scores.

    This is what the explorer page does in the browser (static/js/dsi-index-explore.js)."""
    _, index, ranks = index_step(np.asarray(theme_scores, dtype=float), theme_weights)
    return index, ranks
