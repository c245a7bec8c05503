"""What funding adds to the other apps' registries (called once, from FundingConfig.ready).

- moderation: published calls can be reported;
- accounts' data export: the calls a person submitted and saved, and the reminders they got;
- accounts' dashboard: saved calls and "open funding that fits" their listings;
- listings' pages: a funder organisation's open calls (public), and matches (members only);
- clusters' pages: the cluster's open calls.

Account deletion needs no registration: saved calls and reminders go with the person (CASCADE);
the calls they submitted stay, without a submitter (public information about a funder, as a
listing stays when its other owners remain).
"""

from accounts.export import register_exporter
from accounts.sections import Section, register_dashboard_section
from clusters.sections import ClusterSection, register_cluster_section
from listings.access import standing
from listings.sections import ListingSection, register_listing_section
from moderation.reports import register_reportable

from . import queries
from .models import FundingCall, ReminderSent, SavedCall


def register():
    register_reportable(FundingCall)
    register_exporter(export_funding)
    register_dashboard_section(Section("funding", "funding/dashboard_section.html", dashboard))
    register_listing_section(
        ListingSection(
            "funding-of-funder",
            "funding/funder_section.html",
            funder_section,
            order=60,
            models=("organisations.organisation",),
        )
    )
    register_listing_section(
        ListingSection("funding-matches", "funding/matches_section.html", matches_section, order=70)
    )
    register_cluster_section(
        ClusterSection("funding", "funding/cluster_section.html", cluster_section, order=60)
    )


def funder_section(organisation, viewer):
    calls = queries.open_calls_of_funder(organisation)
    return {"calls": calls} if calls else None


def matches_section(listing, viewer):
    """Members only: the page is cached for visitors, who never see this."""
    if not viewer.is_authenticated or not standing(listing, viewer).is_member:
        return None
    return {"calls": queries.matches_for_listing(listing)}


def cluster_section(cluster):
    return {"calls": queries.open_calls_of_cluster(cluster)}


def dashboard(user):
    return {
        "saved": queries.saved_open_calls(user),
        "matches": queries.matches_for_member(user),
    }


def export_funding(user):
    submitted = FundingCall.objects.filter(submitted_by=user).order_by("created_at")
    saved = SavedCall.objects.filter(user=user).select_related("call").order_by("saved_at")
    reminders = ReminderSent.objects.filter(user=user).select_related("call").order_by("sent_on")
    return "funding", {
        "submitted_calls": [
            {
                "title": call.title,
                "url": call.url,
                "published": call.live,
                "created": call.created_at,
            }
            for call in submitted
        ],
        "saved_calls": [{"title": row.call.title, "saved": row.saved_at} for row in saved],
        "reminders": [
            {"title": row.call.title, "days_before": row.threshold, "sent": row.sent_on}
            for row in reminders
        ],
    }
