"""What events add to the other apps' registries (called once, from EventsConfig.ready).

- moderation: published events can be reported;
- accounts' data export: the events a person submitted;
- accounts' dashboard: "My events", and for cluster leads their clusters' events (pending and
  published);
- organisations' pages: the organiser's upcoming events (listings.sections);
- clusters' pages: the cluster's upcoming events (clusters.sections).

Account deletion: a person's events stay (community information, like a listing with another
owner) with `submitted_by` cleared by the foreign key; nothing needs to be handed over first, so
events register no deletion blocker.
"""

from django.db.models import Prefetch
from django.urls import reverse

from accounts.export import register_exporter
from accounts.sections import Section, register_dashboard_section
from clusters.sections import ClusterSection, register_cluster_section
from listings.sections import ListingSection, register_listing_section
from moderation.reports import register_reportable
from moderation.status import active_workflow_states, review_state

from .models import Event

SECTION_SIZE = 5
DASHBOARD_SIZE = 50


def register():
    register_reportable(Event)
    register_exporter(export_events)
    register_dashboard_section(Section("events", "events/dashboard_section.html", dashboard, 200))
    register_listing_section(
        ListingSection(
            "events",
            "events/listing_section.html",
            organiser_section,
            models=("organisations.organisation",),
        )
    )
    register_cluster_section(
        ClusterSection("events", "events/cluster_section.html", cluster_section, 10)
    )


def export_events(user):
    events = Event.objects.filter(submitted_by=user).order_by("start")
    return "events", [
        {
            "title": event.title,
            "summary": event.summary,
            "start": event.start,
            "end": event.end,
            "timezone": event.timezone,
            "published": event.live,
            "submitted": event.created_at,
        }
        for event in events
    ]


def _with_state(events):
    return events.prefetch_related(
        Prefetch(
            "workflow_states", queryset=active_workflow_states(), to_attr="_current_workflow_states"
        )
    )


def dashboard(user):
    """The person's own events, and the events of the clusters they lead, with review state."""
    own = _with_state(Event.objects.filter(submitted_by=user)).order_by("-start")[:DASHBOARD_SIZE]
    led = list(user.led_clusters.order_by("sort_order"))
    cluster_events = []
    if led:
        cluster_events = _with_state(Event.objects.filter(clusters__in=led).distinct()).order_by(
            "-start"
        )[:DASHBOARD_SIZE]
    return {
        "own": [(event, review_state(event)) for event in own],
        "led_clusters": led,
        "cluster_events": [(event, review_state(event)) for event in cluster_events],
        "create_url": reverse("events:event-create"),
    }


def organiser_section(organisation, viewer):
    events = list(
        Event.objects.published()
        .upcoming()
        .filter(organiser=organisation)
        .select_related("city")[:SECTION_SIZE]
    )
    return {"events": events} if events else None


def cluster_section(cluster):
    events = list(
        Event.objects.published()
        .upcoming()
        .for_cluster(cluster)
        .select_related("city")[:SECTION_SIZE]
    )
    return {
        "events": events,
        "list_url": f"{reverse('events:event-list')}?cluster={cluster.slug}",
        "submit_url": f"{reverse('events:event-create')}?cluster={cluster.slug}",
        "feed_url": reverse("cluster_events:feed-ics", kwargs={"slug": cluster.slug}),
    }
