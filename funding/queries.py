"""Reads that span funding calls and listings: what a listing's page and the dashboard show."""

from django.db.models import Q

from listings.kinds import listing_models

from .models import FundingCall

MATCHES_SHOWN = 5
SECTION_SIZE = 10


def open_calls_of_funder(organisation, *, limit=SECTION_SIZE):
    return _open_calls(limit, funder_organisation=organisation)


def open_calls_of_cluster(cluster, *, limit=SECTION_SIZE):
    return _open_calls(limit, clusters=cluster)


def _open_calls(limit, **lookups):
    """Published open calls matching `lookups`, closing soonest first, as cards."""
    calls = FundingCall.objects.published().open().filter(**lookups)
    return list(calls.for_cards().by_deadline()[:limit])


def matches_for_listing(listing, *, limit=MATCHES_SHOWN):
    """Open calls whose areas overlap the listing's and that take applicants from its country.

    Reads the listing's areas from its prefetch when there is one (its page has it).
    """
    area_ids = [area.pk for area in listing.areas.all()]
    if not area_ids:
        return []
    country = listing.country.code if listing.country else ""
    return _first_matches(area_ids, [country] if country else [], limit)


def matches_for_member(user, *, limit=MATCHES_SHOWN):
    """Open calls that fit any listing `user` belongs to: one query per kind of listing, and
    one for the calls."""
    area_ids, countries = set(), set()
    for model in listing_models():
        rows = model.objects.with_member(user).values_list("areas", "country")
        for area_id, country in rows:
            if area_id:
                area_ids.add(area_id)
            if country:
                countries.add(country)
    if not area_ids:
        return []
    return _first_matches(sorted(area_ids), sorted(countries), limit)


def _first_matches(area_ids, countries, limit):
    eligible = Q(countries="")
    for country in countries:
        eligible |= Q(countries__contains=country)
    calls = (
        FundingCall.objects.published()
        .open()
        .filter(eligible, areas__in=area_ids)
        .for_cards()
        .by_deadline()
        .distinct()
    )
    return list(calls[:limit])


def saved_open_calls(user):
    return list(
        FundingCall.objects.published().open().filter(saves__user=user).for_cards().by_deadline()
    )
