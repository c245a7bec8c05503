"""In Chromium: moving the theme weights re-ranks the cities in the browser exactly as the
server ranks them for the same weights (three weight sets), the address keeps the weights,
and the index pages pass axe."""

import pytest
from playwright.sync_api import expect

from dsiindex import method
from dsiindex.models import City, ThemeScore
from tests.factories.taxonomy import GazetteerPlaceFactory
from tests.support.browser import assert_accessible

from .data import load

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WEIGHT_SETS = [(1, 3), (5, 5), (0.5, 100)]
# After another transactional test's flush the gazetteer is empty: the cities the data names.
CITIES = [
    ("NL", "Amsterdam", "52.374030", "4.889690", "Europe/Amsterdam"),
    ("DE", "Berlin", "52.524370", "13.410530", "Europe/Berlin"),
    ("PT", "Lisbon", "38.716670", "-9.133330", "Europe/Lisbon"),
    ("PL", "Warsaw", "52.229770", "21.011780", "Europe/Warsaw"),
]


@pytest.fixture(autouse=True)
def gazetteer():
    for country, name, latitude, longitude, zone in CITIES:
        GazetteerPlaceFactory(
            country=country, name=name, latitude=latitude, longitude=longitude, timezone=zone
        )


def server_ranking(weights):
    cities = list(City.objects.order_by("pk"))
    scores = [
        [s.score for s in ThemeScore.objects.filter(city=city).order_by("theme__position")]
        for city in cities
    ]
    index, ranks = method.reweighted(scores, weights)
    rows = sorted(zip(ranks, [c.name for c in cities], index, strict=True))
    return [(int(rank), name, score) for rank, name, score in rows]


def set_range(tab, name, value):
    tab.locator(f'input[name="{name}"]').evaluate(
        "(input, value) => { input.value = value;"
        " input.dispatchEvent(new Event('input', {bubbles: true})); }",
        str(value),
    )


def test_reweighting_in_the_browser_matches_the_server(new_tab):
    load()
    tab = new_tab()
    tab.goto("/dsi-index/")
    assert_accessible(tab)
    tab.get_by_role("link", name="Change the weights").click()
    assert_accessible(tab)
    for society, skills in WEIGHT_SETS:
        set_range(tab, "society", society)
        set_range(tab, "skills", skills)
        expected = server_ranking([society, skills])
        rows = tab.locator(".dsi-ranking tbody tr")
        expect(rows.first.locator("th a")).to_have_text(expected[0][1])
        shown = [
            (
                int(row.locator(".dsi-rank").inner_text()),
                row.locator("th a").inner_text(),
                float(row.locator(".dsi-score").get_attribute("data-score")),
            )
            for row in rows.all()
        ]
        assert [(rank, name) for rank, name, _ in shown] == [(r, n) for r, n, _ in expected]
        assert [score for *_, score in shown] == pytest.approx([s for *_, s in expected])
        assert f"society={society}" in tab.url and f"skills={skills}" in tab.url
    # The shared address gives the same ranking from the server, without JavaScript.
    plain = new_tab(javascript=False)
    plain.goto(tab.url)
    names = plain.locator(".dsi-ranking tbody th a").all_inner_texts()
    assert names == [name for _, name, _ in server_ranking(list(WEIGHT_SETS[-1]))]


def test_a_city_page_passes_axe(new_tab):
    load()
    tab = new_tab()
    tab.goto("/dsi-index/warsaw/")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Warsaw")
    assert_accessible(tab)
