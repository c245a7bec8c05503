"""The pages `make bench-web` measures, in table order. Later issues add theirs here.

A page's path is a string, or a function that finds one in the seeded data; functions run
inside Django (in `bench.probe`), so their imports are local. `warm_share` is the budget: the
share of the floor's req/s the page must reach with the page cache on.
"""

from collections.abc import Callable
from dataclasses import dataclass

FLOOR = "floor"
COLD_P95_BUDGET_MS = 100  # every page, page cache off, at the harness's concurrency


@dataclass(frozen=True)
class Page:
    name: str
    path: str | Callable[[], str]
    warm_share: float | None = 0.30

    def resolve(self):
        return self.path() if callable(self.path) else self.path


def seeded_organisation():
    """A published seeded organisation with members, keywords, links and projects."""
    from django.db.models import Count, Q

    from organisations.models import Organisation

    organisation = (
        _rich(Organisation.objects.published())
        .annotate(projects_count=Count("projects", filter=Q(projects__live=True), distinct=True))
        .filter(projects_count__gte=3)
        .order_by("pk")
        .first()
    )
    return _path_of(organisation)


def seeded_project():
    """A published seeded project with members, keywords, links and several organisations."""
    from django.db.models import Count

    from projects.models import Project

    project = (
        _rich(Project.objects.published())
        .annotate(organisations_count=Count("organisations", distinct=True))
        .filter(organisations_count__gte=2)
        .order_by("pk")
        .first()
    )
    return _path_of(project)


def _rich(listings):
    from django.db.models import Count

    from demo.seeding import SEED_PREFIX

    return (
        listings.filter(slug__startswith=SEED_PREFIX)
        .annotate(
            members_count=Count("memberships", distinct=True),
            keywords_count=Count("tagged_keywords", distinct=True),
            links_count=Count("links", distinct=True),
        )
        .filter(members_count__gte=3, keywords_count__gte=3, links_count__gte=2)
    )


def seeded_cluster():
    """The cluster with the most upcoming published events."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from clusters.models import Cluster

    upcoming = Q(events__live=True, events__last_end__gte=timezone.now())
    cluster = (
        Cluster.objects.annotate(upcoming=Count("events", filter=upcoming))
        .order_by("-upcoming", "pk")
        .first()
    )
    return _path_of(cluster)


def seeded_event():
    """A published, upcoming seeded event in a place, with clusters and an organiser."""
    from django.utils import timezone

    from demo.seeding import SEED_PREFIX
    from events.models import Event

    event = (
        Event.objects.published()
        .filter(slug__startswith=SEED_PREFIX, last_end__gte=timezone.now())
        .filter(city__isnull=False, organiser__isnull=False, clusters__isnull=False)
        .order_by("pk")
        .first()
    )
    return _path_of(event)


def _path_of(listing):
    if listing is None:
        raise LookupError("No seeded listing found: run `manage.py seed_demo --scale large`.")
    return listing.get_absolute_url()


def seeded_case_study():
    """A seeded case study linked to a project, with themes and tags."""
    from demo.seeding import SEED_PREFIX
    from stories.models import CaseStudyPage

    case_study = (
        CaseStudyPage.objects.live()
        .filter(slug__startswith=SEED_PREFIX, project__isnull=False, tagged_items__isnull=False)
        .order_by("pk")
        .first()
    )
    if case_study is None:
        raise LookupError("No seeded case study found: run `manage.py seed_demo --scale large`.")
    return case_study.url


def seeded_index_city():
    """The top city of the published DSI Index edition."""
    from dsiindex.models import City

    city = (
        City.objects.filter(edition__published=True, rank__isnull=False)
        .order_by("-edition__year", "rank")
        .first()
    )
    if city is None:
        raise LookupError("No DSI Index edition: run `manage.py seed_demo --scale large`.")
    return city.get_absolute_url()


PAGES = [
    Page(FLOOR, "/bench/floor/", warm_share=None),
    Page("home", "/", warm_share=0.40),
    Page("org-list", "/organisations/"),
    Page("org-list-p50", "/organisations/?page=50"),
    Page("project-search", "/projects/?q=open"),
    Page("org-filtered", "/organisations/?area=health-and-care&technology=open-data&country=DE"),
    # issue 17: full text and three facets (two areas OR-ed, AND a country), and the one search box
    Page(
        "project-faceted",
        "/projects/?q=open&area=health-and-care&area=culture-and-arts&country=DE&technology=open-data",
    ),
    Page("site-search", "/search/?q=open"),
    Page("org-detail", seeded_organisation),
    Page("project-detail", seeded_project),
    Page("funding-list", "/funding/"),
    Page("cluster", seeded_cluster),
    Page("events", "/events/"),
    Page("event-detail", seeded_event),
    Page("events-ics", "/events/feed.ics"),
    Page("story-index", "/stories/"),
    Page("case-study", seeded_case_study),
    Page("resources", "/resources/"),
    Page("newsletter", "/newsletter/"),
    Page("newsletter-archive", "/newsletter/archive/"),
    Page("explore", "/explore/"),
    Page("map-geojson", "/explore/map/data.geojson"),
    Page("network-json", "/explore/network/graph.json"),
    # issue 18: "download what you see" for the org-filtered list above, and a filtered API list
    Page(
        "download-csv",
        "/open-data/organisations/selection.csv?area=health-and-care&technology=open-data&country=DE",
    ),
    Page("api-list", "/api/v1/organisations/?country=DE"),
    # issue 22: the DSI Index ranking and one city's page
    Page("dsi-index", "/dsi-index/"),
    Page("dsi-index-city", seeded_index_city),
]


def selected(names=None):
    """The pages named (all when `names` is empty), always with the floor first."""
    if not names:
        return list(PAGES)
    unknown = set(names) - {page.name for page in PAGES}
    if unknown:
        known = ", ".join(page.name for page in PAGES)
        raise SystemExit(f"Unknown page(s) {', '.join(sorted(unknown))}; known: {known}")
    return [page for page in PAGES if page.name == FLOOR or page.name in names]
