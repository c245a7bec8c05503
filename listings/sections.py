"""Sections that the apps above listings add to a listing's page.

listings knows nothing of events or funding calls. An app that shows something on an
organisation's or project's page ("Events", "Open funding that fits") registers it from its
`AppConfig.ready()`:

    register_listing_section(
        ListingSection("events", "events/listing_section.html", context,
                       models=("organisations.organisation",))
    )

`context(listing, viewer)` returns the section's template context, or None to leave it out. It
must cost a fixed number of queries whatever the listing holds. A section shown to anonymous
visitors ends up in the cached page: it must depend only on published content (the page cache
is emptied whenever a model registered with core.invalidation changes). Sections for members only
check `viewer` themselves. Templates are included with `only` and get the context as `section`
(with `section.listing` and `section.viewer` added). `models` names the kinds a section is for
(model labels); empty means every kind.
"""

from core.sections import Section as ListingSection
from core.sections import SectionRegistry

__all__ = ["ListingSection", "listing_sections", "register_listing_section"]

_SECTIONS = SectionRegistry()
register_listing_section = _SECTIONS.register


def listing_sections(listing, viewer):
    """The registered sections of `listing`'s page as `viewer` sees them, in order."""
    return _SECTIONS.render(
        listing,
        viewer,
        label=listing._meta.label_lower,
        extra={"listing": listing, "viewer": viewer},
    )
