"""What stories adds to the other apps' registries, and what it shows of them on the home page
(called once, from StoriesConfig.ready).

- accounts' dashboard: "write a story for your cluster" for cluster leads (and editors), and
  the resources a person submitted in the admin with where each stands in review;
- listings' pages: "Featured in case studies" on the linked organisation's or project's page;
- clusters' pages: the cluster's recent stories and resources;
- the home page (stories.home): counts of published organisations, projects, upcoming events
  and open funding calls; the next events and the funding calls closing soonest.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from accounts.sections import Section, register_dashboard_section
from clusters.sections import ClusterSection, register_cluster_section
from listings.sections import ListingSection, register_listing_section
from moderation.roles import is_editor
from moderation.status import active_workflow_states, review_state

from .home import HomeCount, HomeSection, register_home_count, register_home_section

SECTION_SIZE = 3
FUNDING_CLOSING_SOON = 3
NEXT_EVENTS = 3
DASHBOARD_SIZE = 50


def register():
    register_listing_section(
        ListingSection(
            "featured-in-case-studies",
            "stories/listing_section.html",
            featured_in_section,
            order=40,
            models=("organisations.organisation", "projects.project"),
        )
    )
    register_cluster_section(
        ClusterSection("stories", "stories/cluster_section.html", cluster_section, order=70)
    )
    register_dashboard_section(Section("stories", "stories/dashboard_section.html", dashboard))
    register_dashboard_section(
        Section("resources", "stories/dashboard_resources.html", resources_dashboard, order=110)
    )
    register_home_count(HomeCount("organisations", _("organisations"), count_organisations, 10))
    register_home_count(HomeCount("projects", _("projects"), count_projects, 20))
    register_home_count(HomeCount("events", _("upcoming events"), count_upcoming_events, 30))
    register_home_count(HomeCount("funding", _("open funding calls"), count_open_calls, 40))
    register_home_section(
        HomeSection("events", "stories/home_events_section.html", events_section, order=50)
    )
    register_home_section(
        HomeSection("funding", "stories/home_funding_section.html", funding_section, order=60)
    )


def dashboard(user):
    """Cluster leads and editors: "write a story for your cluster"."""
    clusters = list(user.led_clusters.all())
    if not clusters and not is_editor(user):
        return None
    return {"led_clusters": clusters}


def resources_dashboard(user):
    """The resources `user` submitted (newest first), each with its review state; None if none.

    A fixed number of queries: the resources, then their active workflow states.
    """
    from .models import Resource

    resources = list(
        Resource.objects.filter(submitted_by=user)
        .select_related("document")
        .prefetch_related(
            Prefetch(
                "workflow_states",
                queryset=active_workflow_states(),
                to_attr="_current_workflow_states",
            )
        )
        .order_by("-created_at", "-pk")[:DASHBOARD_SIZE]
    )
    if not resources:
        return None
    return {"rows": [(resource, _resource_state(resource)) for resource in resources]}


def _resource_state(resource):
    """The review state, or "draft" for a resource saved in the admin but never submitted."""
    if not resource.live and resource.current_workflow_state is None:
        return "draft"
    return review_state(resource)


def featured_in_section(listing, viewer):
    from .models import CaseStudyPage

    field = "project" if listing._meta.model_name == "project" else "organisation"
    case_studies = list(
        CaseStudyPage.objects.published().filter(**{field: listing}).newest_first()[:SECTION_SIZE]
    )
    return {"case_studies": case_studies} if case_studies else None


def cluster_section(cluster):
    from .models import Resource, StoryPage

    stories = list(StoryPage.objects.published().of_cluster(cluster).newest_first()[:SECTION_SIZE])
    resources = list(
        Resource.objects.published().filter(clusters=cluster).newest_first()[:SECTION_SIZE]
    )
    if not stories and not resources:
        return None
    return {"stories": stories, "resources": resources}


def funding_section():
    from funding.models import FundingCall

    calls = list(
        FundingCall.objects.published().open().by_deadline().for_cards()[:FUNDING_CLOSING_SOON]
    )
    return {"items": calls}


def count_organisations():
    from organisations.models import Organisation

    return Organisation.objects.published().count()


def count_projects():
    from projects.models import Project

    return Project.objects.published().count()


def count_open_calls():
    from funding.models import FundingCall

    return FundingCall.objects.published().open().count()


def count_upcoming_events():
    from events.models import Event

    return Event.objects.published().upcoming().count()


def events_section():
    from events.models import Event

    return {"items": list(Event.objects.published().upcoming().for_cards()[:NEXT_EVENTS])}
