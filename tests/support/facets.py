"""Reading a faceted list's facets from its HTML, as a visitor sees them."""

from bs4 import BeautifulSoup


def facet_counts(html, name):
    """{label: count} of one facet (templates/components/listing_filter_form.html)."""
    fieldset = BeautifulSoup(html, "html.parser").find("fieldset", id=f"facet-{name}")
    if fieldset is None:
        return {}
    counts = {}
    for item in fieldset.select("li.facet__value"):
        count = item.select_one(".facet__count")
        label = item.label.get_text(" ", strip=True).removesuffix(count.get_text(" ", strip=True))
        counts[label.strip()] = int(count.contents[0])
    return counts


def greyed(html, name):
    """The labels of one facet's values shown greyed (no result with the other filters)."""
    fieldset = BeautifulSoup(html, "html.parser").find("fieldset", id=f"facet-{name}")
    items = fieldset.select("li.facet__value--empty") if fieldset else []
    return [item.label.contents[0].strip() for item in items]


def checked(html, name):
    """The values of one facet that are ticked."""
    soup = BeautifulSoup(html, "html.parser")
    return [box["value"] for box in soup.select(f'input[type=checkbox][name="{name}"][checked]')]
