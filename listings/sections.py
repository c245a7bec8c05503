"""Sections that the apps above listings add to a listing's page.

listings knows nothing of events or funding calls. An app that shows something on an
organisation's or project's page ("Events", "Open funding that fits") registers it from its
`AppConfig.ready()`:

    register_listing_section(ListingSection("events", "events/listing_section.html", context))

`context(listing, viewer)` returns the section's template context, or None to leave it out. It
must cost a fixed number of queries whatever the listing holds. A section shown to anonymous
visitors ends up in the cached page: it must depend only on published content (the page cache
is emptied whenever a model in `settings.PAGE_CACHE_APPS` changes). Sections for members only
check `viewer` themselves. Templates are included with `only` and get the context as `section`
(with `section.listing` and `section.viewer` added).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ListingSection:
    key: str
    template: str
    context: Callable
    order: int = 100
    models: tuple = ()  # model labels ("organisations.organisation"); empty means every kind


@dataclass(frozen=True)
class RenderedSection:
    key: str
    template: str
    context: dict


_SECTIONS = {}


def register_listing_section(section):
    _SECTIONS[section.key] = section


def listing_sections(listing, viewer):
    """The registered sections of `listing`'s page as `viewer` sees them, in order."""
    label = listing._meta.label_lower
    rendered = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        if section.models and label not in section.models:
            continue
        context = section.context(listing, viewer)
        if context is not None:
            context = {**context, "listing": listing, "viewer": viewer}
            rendered.append(RenderedSection(section.key, section.template, context))
    return rendered
