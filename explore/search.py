"""/search/?q=: the one search box of the hub, in the site header.

Each kind is searched through its own list's FilterSet with the same `q` (core.search: Wagtail
search over published rows only), so a kind's count here is the total its list shows with
"see all": organisations, projects, upcoming events, open funding calls, stories, resources,
and the cluster pages (six of them: their title and introduction are matched directly). The
results are kept until the content changes; the page costs a fixed number of queries.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from clusters.models import Cluster
from core.content_version import cached
from events.filters import EventFilterSet
from events.models import Event
from funding.filters import FundingCallFilterSet
from funding.models import FundingCall
from organisations.filters import OrganisationFilterSet
from organisations.models import Organisation
from projects.filters import ProjectFilterSet
from projects.models import Project
from stories.filters import ResourceFilterSet, StoryFilterSet
from stories.models import Resource, StoryIndexPage, StoryPage

SHOWN = 5  # results of each kind on the page; "see all" opens the kind's list


@dataclass(frozen=True)
class Kind:
    """One kind of result: its list's FilterSet over its published rows, and its words."""

    key: str
    heading: str
    see_all: str  # a plural sentence with %(count)s
    filterset_class: type | None
    rows: callable  # () -> the published queryset the list filters
    list_url: callable  # () -> the list's address
    title_field: str
    summary_field: str

    def search(self, query):
        """(count, the first SHOWN rows as dicts) of this kind for `query`."""
        found = self.matching(query)
        return found.count(), [self.result(row) for row in found[:SHOWN]]

    def matching(self, query):
        if self.filterset_class is None:
            return self.rows().filter(
                Q(**{f"{self.title_field}__icontains": query})
                | Q(**{f"{self.summary_field}__icontains": query})
            )
        return self.filterset_class({"q": query}, queryset=self.rows()).qs

    def result(self, row):
        return {
            "title": getattr(row, self.title_field),
            "summary": getattr(row, self.summary_field),
            "url": row.get_absolute_url() if hasattr(row, "get_absolute_url") else row.url,
        }


def _story_index_url():
    index = StoryIndexPage.objects.live().first()
    return index.url if index else "/"


KINDS = [
    Kind(
        "organisations",
        _("Organisations"),
        ngettext_lazy("See the %(count)s organisation", "See all %(count)s organisations", "count"),
        OrganisationFilterSet,
        lambda: Organisation.objects.published(),
        lambda: reverse("organisations:organisation-list"),
        "name",
        "short_description",
    ),
    Kind(
        "projects",
        _("Projects"),
        ngettext_lazy("See the %(count)s project", "See all %(count)s projects", "count"),
        ProjectFilterSet,
        lambda: Project.objects.published(),
        lambda: reverse("projects:project-list"),
        "name",
        "short_description",
    ),
    Kind(
        "events",
        _("Upcoming events"),
        ngettext_lazy("See the %(count)s event", "See all %(count)s events", "count"),
        EventFilterSet,
        lambda: Event.objects.published(),
        lambda: reverse("events:event-list"),
        "title",
        "summary",
    ),
    Kind(
        "funding",
        _("Open funding calls"),
        ngettext_lazy("See the %(count)s funding call", "See all %(count)s funding calls", "count"),
        FundingCallFilterSet,
        lambda: FundingCall.objects.published(),
        lambda: reverse("funding:index"),
        "title",
        "summary",
    ),
    Kind(
        "stories",
        _("Stories"),
        ngettext_lazy("See the %(count)s story", "See all %(count)s stories", "count"),
        StoryFilterSet,
        lambda: StoryPage.objects.published(),
        _story_index_url,
        "title",
        "intro",
    ),
    Kind(
        "resources",
        _("Resources"),
        ngettext_lazy("See the %(count)s resource", "See all %(count)s resources", "count"),
        ResourceFilterSet,
        lambda: Resource.objects.published(),
        lambda: reverse("stories:resource-list"),
        "title",
        "description",
    ),
    Kind(
        "clusters",
        _("Clusters"),
        ngettext_lazy("See the %(count)s cluster", "See all %(count)s clusters", "count"),
        None,
        lambda: Cluster.objects.all(),
        lambda: reverse("clusters:index"),
        "title",
        "intro",
    ),
]


def search_everything(query):
    """Each kind with matches: its heading, count, first rows and "see all" address."""
    return cached("site-search", (query.casefold(), get_language()), lambda: _sections(query))


def _sections(query):
    sections = []
    for kind in KINDS:
        count, rows = kind.search(query)
        if count:
            see_all = kind.list_url()
            if kind.filterset_class:
                see_all += "?" + urlencode({"q": query})
            sections.append(
                {
                    "key": kind.key,
                    "heading": str(kind.heading),
                    "count": count,
                    "rows": rows,
                    "see_all_url": see_all,
                    "see_all": kind.see_all % {"count": count},
                }
            )
    return sections


class SearchView(TemplateView):
    """/search/?q=: results grouped by kind, with counts and "see all" links."""

    template_name = "explore/search.html"
    cache_for_visitors = True

    def get_context_data(self, **kwargs):
        query = " ".join(self.request.GET.get("q", "").split())[:200]
        sections = search_everything(query) if query else []
        return super().get_context_data(
            query=query, sections=sections, total=sum(s["count"] for s in sections), **kwargs
        )
