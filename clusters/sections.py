"""Sections that other apps add to a cluster's page (events, funding calls, stories...).

clusters knows nothing of what is posted for a cluster. Each app registers what it shows from its
`AppConfig.ready()`:

    register_cluster_section(ClusterSection("events", "events/cluster_section.html", context))

`context(cluster)` returns the section's template context, or None to leave it out; a fixed
number of queries whatever the cluster holds. Cluster pages are cached for anonymous visitors,
so a section shows published content only and its models must be in `settings.PAGE_CACHE_APPS`.
Templates are included with `only` and get the context as `section` (with `section.cluster`).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ClusterSection:
    key: str
    template: str
    context: Callable
    order: int = 100


@dataclass(frozen=True)
class RenderedSection:
    key: str
    template: str
    context: dict


_SECTIONS = {}


def register_cluster_section(section):
    _SECTIONS[section.key] = section


def cluster_sections(cluster):
    """The registered sections of `cluster`'s page, in order, with their contexts."""
    rendered = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        context = section.context(cluster)
        if context is not None:
            rendered.append(
                RenderedSection(section.key, section.template, {**context, "cluster": cluster})
            )
    return rendered
