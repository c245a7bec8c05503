"""What an issue or a digest shows: collected from the stories, events and funding apps.

`collect_sections` fills a new issue's sections with what its period brought (the editor then
reorders or drops them); `issue_context` and `digest_items` turn chosen content into plain
items for the e-mail templates, with absolute links.
"""

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db.models import prefetch_related_objects
from django.utils import timezone
from wagtail.models import Page

from accounts.mail import absolute_url
from events.choices import EventFormat
from events.models import Event
from funding.models import FundingCall
from organisations.models import Organisation
from projects.models import Project
from stories.models import StoryPage

STORIES_MAX = 6
EVENTS_MAX = 8
FUNDING_MAX = 8  # an issue over ~100 KB is clipped by Gmail
EVENTS_AHEAD = timedelta(days=45)
FUNDING_AHEAD = timedelta(days=60)
DIGEST_AHEAD = timedelta(days=14)


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    summary: str = ""
    when: datetime | None = None  # an event's next start, in its own time zone
    closes_on: object = None
    place: str = ""


@dataclass
class Section:
    kind: str
    heading: str
    items: list = field(default_factory=list)
    organisations: int = 0
    projects: int = 0


def _period_bounds(start, end):
    zone = timezone.get_current_timezone()
    lower = timezone.make_aware(datetime.combine(start, datetime.min.time()), zone)
    upper = timezone.make_aware(
        datetime.combine(end + timedelta(days=1), datetime.min.time()), zone
    )
    return lower, upper


def collect_sections(period_start, period_end):
    """A new issue's sections (StreamField JSON) for the period `period_start`–`period_end`."""
    lower, upper = _period_bounds(period_start, period_end)
    stories = (
        StoryPage.objects.published()
        .filter(first_published_at__gte=lower, first_published_at__lt=upper)
        .newest_first()
        .values_list("pk", flat=True)[:STORIES_MAX]
    )
    events = (
        Event.objects.published()
        .upcoming(upper)
        .filter(next_start__lt=upper + EVENTS_AHEAD)
        .values_list("pk", flat=True)[:EVENTS_MAX]
    )
    calls = (
        FundingCall.objects.published()
        .open(period_end)
        .filter(closes_on__lte=period_end + FUNDING_AHEAD)
        .by_deadline()
        .values_list("pk", flat=True)[:FUNDING_MAX]
    )
    published = {"live": True, "first_published_at__gte": lower, "first_published_at__lt": upper}
    blocks = [
        ("stories", {"heading": "", "stories": list(stories)}),
        ("events", {"heading": "", "events": list(events)}),
        ("funding", {"heading": "", "calls": list(calls)}),
        (
            "new_listings",
            {
                "heading": "",
                "organisations": Organisation.objects.filter(**published).count(),
                "projects": Project.objects.filter(**published).count(),
            },
        ),
    ]
    return json.dumps(
        [{"type": kind, "value": value} for kind, value in blocks if _has_content(kind, value)]
    )


def _has_content(kind, value):
    if kind == "new_listings":
        return value["organisations"] or value["projects"]
    return any(isinstance(items, list) and items for items in value.values())


def issue_context(issue):
    """Everything the issue templates show, resolved once for all recipients."""
    return {
        "issue": issue,
        "intro": issue.intro,
        "body": issue.body,
        "sections": [_section(block) for block in issue.sections],
    }


def _section(block):
    value = block.value
    section = Section(kind=block.block_type, heading=value.get("heading") or "")
    if block.block_type == "stories":
        section.items = [story_item(page) for page in _live_stories(value["stories"])]
    elif block.block_type == "events":
        events = _live(value["events"], "city")
        section.items = [event_item(event) for event in events]
    elif block.block_type == "funding":
        calls = _live(value["calls"], "funder_organisation")
        section.items = [call_item(call) for call in calls]
    else:
        section.organisations, section.projects = value["organisations"], value["projects"]
    return section


def _live(objects, related):
    """The live ones of a block's chosen snippets, with `related` fetched in one query (the
    chooser block loads the snippets themselves in one)."""
    live = [obj for obj in objects if obj and obj.live]
    prefetch_related_objects(live, related)
    return live


def _live_stories(pages):
    """The live ones of a block's chosen pages, as their own page types (for their intro), in
    the block's order: one query a page type, not one a story."""
    ids = [page.pk for page in pages if page and page.live]
    specific = Page.objects.filter(pk__in=ids).defer_streamfields().specific()
    by_pk = {page.pk: page for page in specific}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def story_item(page):
    """`page` as its own type (a BlogPage, a CaseStudyPage)."""
    return Item(title=page.title, url=page.full_url or absolute_url(page.url), summary=page.intro)


def event_item(event):
    when = timezone.localtime(event.next_start, event.zone) if event.next_start else None
    place = "" if event.format == EventFormat.ONLINE else event.place_label
    return Item(
        title=event.title,
        url=absolute_url(event.get_absolute_url()),
        summary=event.summary,
        when=when,
        place=place,
    )


def call_item(call):
    return Item(
        title=call.title,
        url=absolute_url(call.get_absolute_url()),
        summary=call.summary,
        closes_on=call.closes_on,
        place=call.funder_name,
    )


# The weekly digest -------------------------------------------------------------------------


@dataclass(frozen=True)
class DigestCandidate:
    pk: int
    clusters: frozenset
    country: str  # "" for online events and events without a place: shown to every country


class DigestContent:
    """The events (and funding calls) of one digest week, matched to each subscriber's
    clusters and countries in memory: the week has tens of events, the list 100,000 people."""

    def __init__(self, now=None):
        self.now = now or timezone.now()
        today = timezone.localdate(self.now)
        events = (
            Event.objects.published()
            .upcoming(self.now)
            .filter(next_start__lt=self.now + DIGEST_AHEAD)
            .for_cards()
        )
        self.events = {event.pk: event for event in events}
        self.event_candidates = [
            DigestCandidate(
                event.pk,
                frozenset(cluster.pk for cluster in event.clusters.all()),
                _country_of(event),
            )
            for event in self.events.values()
        ]
        calls = (
            FundingCall.objects.published()
            .open(today)
            .filter(closes_on__lte=today + DIGEST_AHEAD)
            .by_deadline()
            .for_cards()
            .prefetch_related("clusters")
        )
        self.calls = {call.pk: call for call in calls}
        self.call_clusters = {
            call.pk: frozenset(cluster.pk for cluster in call.clusters.all())
            for call in self.calls.values()
        }

    def match(self, cluster_ids, countries):
        """(event pks, call pks) for a subscriber choosing `cluster_ids` and `countries`
        (empty meaning all); no events means no digest at all."""
        cluster_ids, countries = frozenset(cluster_ids), frozenset(countries)
        events = tuple(
            candidate.pk
            for candidate in self.event_candidates
            if (not cluster_ids or cluster_ids & candidate.clusters)
            and (not countries or not candidate.country or candidate.country in countries)
        )
        if not events:
            return (), ()
        calls = tuple(
            pk
            for pk, clusters in self.call_clusters.items()
            if not cluster_ids or not clusters or cluster_ids & clusters
        )
        return events, calls

    def context(self, event_pks, call_pks):
        return {
            "events": [event_item(self.events[pk]) for pk in event_pks],
            "calls": [call_item(self.calls[pk]) for pk in call_pks],
        }


def _country_of(event):
    """An event's country for matching; "" (every country) for online events."""
    if event.format == EventFormat.ONLINE or not event.country:
        return ""
    return event.country.code


def digest_week(now=None):
    """The digest's period: the Monday (UTC) of the week `now` falls in."""
    today = (now or timezone.now()).astimezone(UTC).date()
    return today - timedelta(days=today.weekday())
