"""Sections that the apps above accounts add to a person's pages: dashboard and public profile.

accounts sits at the bottom of the dependency graph and knows nothing of listings, events or
funding calls. Each of those apps registers what it shows about a person from its
`AppConfig.ready()`:

    register_dashboard_section(Section("listings", "listings/dashboard_section.html", context))

`context(user)` returns the section's template context, or None to leave the section out. It
must cost a fixed number of queries whatever the person holds (the dashboard test pins it).
Templates are included with `only`; they receive their context and `user`.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: Callable
    order: int = 100


@dataclass(frozen=True)
class RenderedSection:
    key: str
    template: str
    context: dict


_DASHBOARD = {}
_PROFILE = {}


def register_dashboard_section(section):
    _DASHBOARD[section.key] = section


def register_profile_section(section):
    _PROFILE[section.key] = section


def dashboard_sections(user):
    """The dashboard's registered sections for `user`, in order, with their contexts."""
    return _render(_DASHBOARD, user)


def profile_sections(person):
    """The public profile's registered sections about `person` (published content only)."""
    return _render(_PROFILE, person)


def _render(registry, user):
    rendered = []
    for section in sorted(registry.values(), key=lambda s: (s.order, s.key)):
        context = section.context(user)
        if context is not None:
            rendered.append(RenderedSection(section.key, section.template, context))
    return rendered
