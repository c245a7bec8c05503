"""Server-rendered SVG charts: the geometry is computed here, the templates only draw it.

No inline style (the CSP forbids it): sizes are SVG attributes, colours CSS classes.
"""

import math

from django_countries import countries

from core.basemap import country_paths, frame_height, frame_width

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
