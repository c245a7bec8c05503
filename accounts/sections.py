"""Sections that the apps above accounts add to a person's pages: dashboard and public profile.

accounts sits at the bottom of the dependency graph and knows nothing of listings, events or
funding calls. Each of those apps registers what it shows about a person from its
`AppConfig.ready()`:

    register_dashboard_section(Section("listings", "listings/dashboard_section.html", context))

`context(user)` returns the section's template context, or None to leave the section out. It
must cost a fixed number of queries whatever the person holds (the dashboard test pins it).
Templates are included with `only`; they receive their context and `user`.
"""

from core.sections import RenderedSection, Section, SectionRegistry

__all__ = ["RenderedSection", "Section", "dashboard_sections", "profile_sections"]

_DASHBOARD = SectionRegistry()
_PROFILE = SectionRegistry()
register_dashboard_section = _DASHBOARD.register
register_profile_section = _PROFILE.register


def dashboard_sections(user):
    """The dashboard's registered sections for `user`, in order, with their contexts."""
    return _DASHBOARD.render(user)


def profile_sections(person):
    """The public profile's registered sections about `person` (published content only)."""
    return _PROFILE.render(person)
