"""The primary navigation: each app registers its entry, the header renders them in order.

From an app's `AppConfig.ready()` (or its `registrations.py`):
`register_navigation(NavigationEntry("events", _("Events"), "events:event-list", order=40))`.
`url` is a URL name (reversed in the current language) or, for a page Wagtail serves, a path
starting with "/". The entry whose address is the longest prefix of the current path is marked
current (so a page at /explore/map/ would mark an entry for /explore/map/, not "Explore").
"""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavigationEntry:
    key: str
    label: str  # a whole translatable label (gettext_lazy)
    url: str  # a URL name, or a path starting with "/"
    order: int = 100


_entries = {}


def register_navigation(entry):
    _entries[entry.key] = entry


def navigation(current_path):
    """[{key, label, url, current}] in order; at most one entry is current."""
    entries = sorted(_entries.values(), key=lambda entry: (entry.order, entry.key))
    links = [
        {
            "key": entry.key,
            "label": entry.label,
            "url": entry.url if entry.url.startswith("/") else reverse(entry.url),
        }
        for entry in entries
    ]
    matching = [link for link in links if current_path.startswith(link["url"])]
    current = max(matching, key=lambda link: len(link["url"]), default=None)
    for link in links:
        link["current"] = link is current
    return links
