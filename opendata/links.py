"""Links to a dataset's downloads, for the open-data page and the lists (core.downloads)."""

from django.urls import reverse

LABELS = {"csv": "CSV", "json": "JSON", "geojson": "GeoJSON"}


def download_links(dataset):
    """`links(query)`: the dataset's formats for a list's filters ("download what you see")."""

    def links(query):
        suffix = f"?{query.urlencode()}" if query else ""
        return [
            {
                "format": format,
                "label": LABELS[format],
                "url": reverse("opendata:download-view", args=[dataset.key, format]) + suffix,
            }
            for format in dataset.formats
        ]

    return links
