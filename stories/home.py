"""The home page's reads, and the sections other apps add to it ("next events", "funding
closing soon").

stories knows nothing of events. An app that shows a block on the home page registers it from
its `AppConfig.ready()`:

    register_home_section(HomeSection("events", "events/home_section.html", context, order=20))

`context()` returns the section's template context, or None to leave it out; a fixed number of
queries. The home page is cached for visitors, so a section shows published content only.
Templates are included with `only` and get the context as `section` and the key as `key`.

Counts work the same way: `register_home_count(HomeCount(key, label, count))`, where `count()`
returns a number; they are computed together and cached until public content changes.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language

from core.content_version import cached
from core.sections import Section as HomeSection
from core.sections import SectionRegistry

__all__ = [
    "HomeCount",
    "HomeSection",
    "cached_home_context",
    "home_context",
    "home_sections",
    "register_home_count",
    "register_home_section",
]

LATEST_STORIES = 4
FEATURED_FALLBACK = 3

_SECTIONS = SectionRegistry()
register_home_section = _SECTIONS.register


@dataclass(frozen=True)
class HomeCount:
    key: str
    label: str
    count: object  # () -> int
    order: int = 100


_COUNTS = {}


def register_home_count(count):
    _COUNTS[count.key] = count


def home_sections():
    return _SECTIONS.render()


def home_counts():
    """[(label, number)] in order, cached under the content version."""
    counts = sorted(_COUNTS.values(), key=lambda c: (c.order, c.key))
    numbers = cached(
        "home-counts", tuple(c.key for c in counts), lambda: [c.count() for c in counts]
    )
    return [(count.label, number) for count, number in zip(counts, numbers, strict=True)]


def featured_case_studies(home):
    """The case studies the editors put on the home page, in their order; without any, the
    newest case studies flagged "featured"."""
    from stories.models import CaseStudyPage
    from stories.models.story import listing_images

    chosen = [
        item.case_study
        for item in home.featured_case_studies.filter(case_study__live=True)
        .select_related("case_study")
        .prefetch_related(listing_images("case_study__listing_image"))
    ]
    if chosen:
        return chosen
    flagged = CaseStudyPage.objects.published().filter(featured=True)
    return list(flagged.newest_first().for_cards()[:FEATURED_FALLBACK])


def latest_stories():
    from stories.models import StoryPage

    return list(StoryPage.objects.published().newest_first().for_cards()[:LATEST_STORIES])


def home_context(home):
    from clusters.models import Cluster
    from stories.models import StoryIndexPage

    return {
        "counts": home_counts(),
        "featured": featured_case_studies(home),
        "latest_stories": latest_stories(),
        "story_index": StoryIndexPage.objects.live().first(),
        "clusters": list(Cluster.objects.all()),
        "sections": home_sections(),
    }


def cached_home_context(home):
    """`home_context(home)`, kept until public content changes. The day is in the key because
    "funding closing soon" and "next events" move on with the date even when nothing is edited
    (within a day, the cache's expiry bounds how long an event that has ended stays listed)."""
    parts = (home.pk, get_language(), timezone.localdate().isoformat())
    return cached("home-context", parts, lambda: home_context(home))
