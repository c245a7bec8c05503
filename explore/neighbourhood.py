"""An organisation's or project's own part of the network, on its page (a listing section).

For an organisation: its published projects, each with the other published organisations in
it. For a project: its published organisations, each with their other published projects.
Two queries whatever the listing holds; at most SHOWN rows, the rest is on the network page.
"""

from django.urls import reverse
from django.utils.http import urlencode

from listings.sections import ListingSection, register_listing_section

from .kinds import ORGANISATIONS, PROJECTS
from .network import ORGANISATION, PROJECT

SHOWN = 12


def register():
    register_listing_section(
        ListingSection(
            "organisation-network",
            "explore/neighbourhood.html",
            organisation_neighbourhood,
            order=90,
            models=("organisations.organisation",),
        )
    )
    register_listing_section(
        ListingSection(
            "project-network",
            "explore/neighbourhood.html",
            project_neighbourhood,
            order=90,
            models=("projects.project",),
        )
    )


THROUGH = PROJECTS.model.organisations.through


def organisation_neighbourhood(organisation, viewer):
    return _neighbourhood(
        organisation, f"{ORGANISATION}:{organisation.slug}", own="organisation", other="project"
    )


def project_neighbourhood(project, viewer):
    return _neighbourhood(project, f"{PROJECT}:{project.slug}", own="project", other="organisation")


def _neighbourhood(listing, key, *, own, other):
    """{"rows": [(linked listing, [its other links])], "more", "network_url"} or None."""
    if not listing.live:
        return None
    kinds = {"organisation": ORGANISATIONS, "project": PROJECTS}
    prefixes = {name: kind.detail_url_prefix() for name, kind in kinds.items()}
    grouped = {}
    for other_pk, other_name, other_slug, own_pk, own_name, own_slug in _links(
        listing, kinds, own=own, other=other
    ):
        row, others = grouped.setdefault(
            other_pk, ({"name": other_name, "url": f"{prefixes[other]}{other_slug}/"}, [])
        )
        if own_pk != listing.pk:
            others.append({"name": own_name, "url": f"{prefixes[own]}{own_slug}/"})
    if not grouped:
        return None
    rows = list(grouped.values())
    return {
        "kind": other,
        "rows": rows[:SHOWN],
        "more": max(0, len(rows) - SHOWN),
        "network_url": f"{reverse('explore:network')}?{urlencode({'focus': key})}",
    }


def _links(listing, kinds, *, own, other):
    """One query: every published listing linked to `listing`, with all its published links
    of `listing`'s kind (`listing` itself included), by name."""
    linked = (
        kinds[other]
        .model.objects.published()
        .filter(pk__in=THROUGH.objects.filter(**{f"{own}_id": listing.pk}).values(f"{other}_id"))
    )
    return (
        THROUGH.objects.filter(
            **{f"{other}__in": linked.values("pk")},
            **{f"{own}__in": kinds[own].model.objects.published().values("pk")},
        )
        .order_by(f"{other}__name", f"{other}_id", f"{own}__name", f"{own}_id")
        .values_list(
            f"{other}_id",
            f"{other}__name",
            f"{other}__slug",
            f"{own}_id",
            f"{own}__name",
            f"{own}__slug",
        )
    )
