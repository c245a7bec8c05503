"""The DSI Index method on a small data set computed by hand, step by step.

Four cities, two themes (weights 3 and 1). Theme t1 has indicators i1 (higher is better) and
i2 (lower is better); theme t2 has one measure m made of two sub-measures, i3 (with an
outlier, 100) and i4. The expected numbers below were worked out on paper from the method's
description in dsiindex/method.py.
"""

import math

import numpy as np
import pytest

from dsiindex import method
from dsiindex.method import IndicatorSpec, Inputs

INDICATORS = [
    IndicatorSpec("i1", "t1", 1),
    IndicatorSpec("i2", "t1", 1, higher_is_better=False),
    IndicatorSpec("i3", "t2", 2, measure="m"),
    IndicatorSpec("i4", "t2", 2, measure="m"),
]
RAW = np.array(
    [
        # i1  i2  i3    i4
        [0, 5, 1, 4],  # A
        [10, 5, 2, 3],  # B
        [20, 1, 3, 2],  # C
        [30, 9, 100, 1],  # D
    ],
    dtype=float,
)


def inputs(raw=RAW, themes=None):
    return Inputs(
        cities=["A", "B", "C", "D"],
        themes=themes or {"t1": 3, "t2": 1},
        indicators=INDICATORS,
        raw=raw,
    )


def test_outliers_are_capped_at_the_interquartile_fences():
    # i3 = [1, 2, 3, 100]: Q1 = 1.75, Q3 = 27.25, IQR = 25.5, upper fence 27.25 + 38.25.
    result = method.compute(inputs())
    assert result.fences[2] == pytest.approx([1.75 - 38.25, 65.5])
    assert result.capped[:, 2] == pytest.approx([1, 2, 3, 65.5])
    # Columns without outliers are untouched.
    assert result.capped[:, 0] == pytest.approx([0, 10, 20, 30])


def test_indicators_are_rescaled_to_the_published_range_with_their_direction():
    result = method.compute(inputs())
    assert result.rescaled[:, 0] == pytest.approx([0.1, 0.1 + 0.8 / 3, 0.1 + 1.6 / 3, 0.9])
    # Lower is better: the smallest value (C's 1) scores 0.9, the largest (D's 9) 0.1.
    assert result.rescaled[:, 1] == pytest.approx([0.5, 0.5, 0.9, 0.1])
    assert result.rescaled[:, 2] == pytest.approx([0.1, 0.1 + 0.8 / 64.5, 0.1 + 1.6 / 64.5, 0.9])


def test_sub_measures_are_averaged_and_themes_weighted_then_rescaled():
    result = method.compute(inputs())
    assert [(theme, measure) for theme, measure, _ in result.measures] == [
        ("t1", "i1"),
        ("t1", "i2"),
        ("t2", "m"),
    ]
    b_measure = (0.1 + 0.8 / 64.5 + 0.1 + 0.8 * 2 / 3) / 2
    assert result.measure_scores[:, 2] == pytest.approx(
        [0.5, b_measure, (0.1 + 1.6 / 64.5 + 0.1 + 0.8 / 3) / 2, 0.5]
    )
    assert result.theme_raw[:, 0] == pytest.approx([0.3, 1.3 / 3, 2.3 / 3, 0.5])
    # t1 rescaled over [0.3, 2.3/3]; t2's B lies exactly halfway between C and A/D.
    span = 2.3 / 3 - 0.3
    assert result.theme_scores[:, 0] == pytest.approx(
        [0.1, 0.1 + 0.8 * (1.3 / 3 - 0.3) / span, 0.9, 0.1 + 0.8 * 0.2 / span]
    )
    assert result.theme_scores[:, 1] == pytest.approx([0.9, 0.5, 0.1, 0.9])


def test_the_index_is_a_weighted_geometric_mean_rescaled_to_zero_one_and_ranked():
    result = method.compute(inputs())
    t1 = result.theme_scores[:, 0]
    t2 = result.theme_scores[:, 1]
    geometric = [t1[i] ** 0.75 * t2[i] ** 0.25 for i in range(4)]
    assert result.geometric == pytest.approx(geometric)
    assert result.geometric == pytest.approx([0.17321, 0.36493, 0.51962, 0.52876], abs=1e-5)
    low, high = min(geometric), max(geometric)
    assert result.index == pytest.approx([(g - low) / (high - low) for g in geometric])
    assert result.index[0] == 0 and result.index[3] == 1
    assert list(result.ranks) == [4, 3, 2, 1]


def test_other_theme_weights_change_the_ranking_and_reweighting_matches_a_full_run():
    result = method.compute(inputs())
    index, ranks = method.reweighted(result.theme_scores, [1, 3])
    full = method.compute(inputs(themes={"t1": 1, "t2": 3}))
    assert index == pytest.approx(full.index)
    assert list(ranks) == list(full.ranks)
    # With skills... here t2 weighing most, A (best in t2) is no longer last.
    assert list(ranks) != [4, 3, 2, 1]


def test_equal_scores_share_a_rank_and_the_next_rank_is_skipped():
    assert list(method.competition_ranks(np.array([0.5, 1.0, 0.5, 0.0]))) == [2, 1, 2, 4]


def test_missing_values_are_imputed_on_the_rescaled_scale_deterministically():
    raw = RAW.copy()
    raw[1, 0] = np.nan  # B's i1 unknown
    first = method.compute(inputs(raw))
    second = method.compute(inputs(raw))
    assert first.was_imputed[1, 0] and first.was_imputed.sum() == 1
    assert 0.1 <= first.imputed[1, 0] <= 0.9
    assert first.imputed[1, 0] == second.imputed[1, 0]
    assert list(first.index) == list(second.index)
    # Observed cells keep their rescaled value.
    assert first.imputed[0, 0] == pytest.approx(0.1) and first.imputed[3, 0] == pytest.approx(0.9)


def test_an_indicator_with_one_distinct_value_scores_the_middle():
    assert list(method.rescale(np.array([3.0, 3.0, np.nan])))[:2] == [0.5, 0.5]


def test_weights_that_add_up_to_zero_are_refused():
    with pytest.raises(ValueError):
        method.normalised([0, 0])
    assert not math.isnan(method.compute(inputs(themes={"t1": 0, "t2": 1})).index[0])
