"""Sections that other apps add to a cluster's page (events, funding calls, stories...).

clusters knows nothing of what is posted for a cluster. Each app registers what it shows from its
`AppConfig.ready()`:

    register_cluster_section(ClusterSection("events", "events/cluster_section.html", context))

`context(cluster)` returns the section's template context, or None to leave it out; a fixed
number of queries whatever the cluster holds. Cluster pages are cached for anonymous visitors,
so a section shows published content only and its models must be registered as public content
(core.invalidation.register_public_content).
Templates are included with `only` and get the context as `section` (with `section.cluster`),
and `viewer_leads`: whether the person reading leads the cluster (for actions only leads have,
such as "Post an event"; the section's context itself is the same for everyone).
"""

from core.sections import Section as ClusterSection
from core.sections import SectionRegistry

__all__ = ["ClusterSection", "cluster_sections", "register_cluster_section"]

_SECTIONS = SectionRegistry()
register_cluster_section = _SECTIONS.register


def cluster_sections(cluster):
    """The registered sections of `cluster`'s page, in order, with their contexts."""
    return _SECTIONS.render(cluster, extra={"cluster": cluster})
