"""Every machine-readable output of the hub, run through independent validators
(tests/interop/validators.py) on a site seeded with the odd cases: a weekly event across the
spring clock change, a monthly one on the 31st, online events with and without a link,
non-ASCII titles, a cluster without events, each kind of story, a call with amounts.

Pages are found the way a crawler finds them (the sitemap index, then each section) plus the
declared list below of public pages no sitemap lists, so a page another issue adds is checked
as soon as it is in a sitemap or in PUBLIC_PAGES."""

import datetime as dt
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from lxml import etree

from clusters.models import Cluster
from demo.seeding.dsiindex import seed_dsi_index
from events.choices import EventFormat
from tests.factories.clusters import ClusterFactory
from tests.factories.events import EventFactory, days_from_now
from tests.factories.funding import FundingCallFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.factories.stories import BlogPageFactory, CaseStudyPageFactory
from tests.interop import validators

pytestmark = pytest.mark.django_db

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Public pages no sitemap lists (lists, indexes, forms anyone may open). New public pages that
# are not in a sitemap belong here.
PUBLIC_PAGES = [
    "/",
    "/organisations/",
    "/projects/",
    "/clusters/",
    "/events/",
    "/funding/",
    "/funding/?status=closed",
    "/resources/",
    "/newsletter/",
    "/newsletter/archive/",
    "/explore/",
    "/explore/map/",
    "/explore/network/",
    "/search/?q=repair",
    "/open-data/",
    "/accounts/login/",
    "/accounts/signup/",
]
FEEDS = ["/stories/feed.rss", "/stories/feed.atom", "/events/feed.rss", "/funding/feed.rss"]


@pytest.fixture
def odd_site():
    """A small site holding each case that broke a validator once."""
    brussels = ZoneInfo("Europe/Brussels")
    organiser = OrganisationFactory(name="Łódź Civic Lab — Ünïcode")
    ProjectFactory(name="Mapa Naprawy Żółw")
    weekly = days_from_now(10, hour=19)
    EventFactory(
        title="Weekly repair evening across the clock change",
        start=weekly,
        end=weekly + dt.timedelta(hours=2),
        recurrence="WEEKLY",
        recurrence_count=30,
        organiser=organiser,
        clusters=[Cluster.objects.get(slug="digital-democracy")],
    )
    the_31st = _next_31st(brussels)
    EventFactory(
        title="Monthly on the 31st",
        start=the_31st,
        end=the_31st + dt.timedelta(hours=1),
        recurrence="MONTHLY",
        recurrence_count=6,
    )
    online = days_from_now(4, hour=19, zone="America/New_York")
    EventFactory(
        title="Webinar für alle",
        format=EventFormat.ONLINE,
        city=None,
        country="",
        timezone="America/New_York",
        start=online,
        end=online + dt.timedelta(hours=1),
        online_url="https://meet.example.org/a",
    )
    EventFactory(
        title="Online, link to follow",
        format=EventFormat.ONLINE,
        city=None,
        country="",
        online_url="",
    )
    FundingCallFactory(title="Fonds für Nachbarschaften", amount_min=5000, amount_max=20000)
    BlogPageFactory(title="Réparer ensemble", slug="reparer-ensemble")
    CaseStudyPageFactory(title="Case: città aperta", slug="citta-aperta")
    seed_dsi_index()  # the DSI Index pages: ranking, explorer and 27 cities
    return ClusterFactory(title="A cluster without events", slug="empty-cluster")


def _next_31st(zone):
    day = timezone.now().astimezone(zone).date() + dt.timedelta(days=1)
    while day.day != 31:
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(18), zone)


def sitemap_pages(client):
    """(index, {section address: body}, every page address in the default language)."""
    index = client.get("/sitemap.xml").content
    sections = {}
    for loc in etree.fromstring(index).iter(f"{SITEMAP_NS}loc"):
        sections[loc.text] = client.get(urlsplit(loc.text).path).content
    pages = [
        urlsplit(loc.text).path
        for body in sections.values()
        for loc in etree.fromstring(body).iter(f"{SITEMAP_NS}loc")
    ]
    return index, sections, [path for path in pages if not _localised(path)]


def _localised(path):
    return path.split("/")[1] in {"de", "fr", "it", "es", "ca", "nl", "pl"}


def test_every_feed_passes_feedparser_and_rfc_4287(client, odd_site):
    errors = {url: validators.feed_errors(client.get(url).content) for url in FEEDS}

    assert errors == dict.fromkeys(FEEDS, [])


def test_sitemap_index_and_every_section_pass_the_sitemaps_org_schema(client, odd_site):
    index, sections, _pages = sitemap_pages(client)

    assert validators.sitemap_errors(index) == []
    assert {
        loc: validators.sitemap_errors(body) for loc, body in sections.items()
    } == dict.fromkeys(sections, [])
    assert len(sections) >= 5


def test_every_calendar_is_read_alike_by_two_parsers(client, odd_site, settings):
    event_pages = [path for path in sitemap_pages(client)[2] if path.startswith("/events/")]
    clusters = [
        f"/clusters/{slug}/events.ics" for slug in Cluster.objects.values_list("slug", flat=True)
    ]
    calendars = [
        "/events/feed.ics",
        "/funding/deadlines.ics",
        *clusters,
        *[f"{path}event.ics" for path in event_pages],
    ]

    errors = {url: validators.calendar_errors(client.get(url).content) for url in calendars}

    assert errors == dict.fromkeys(calendars, [])
    assert "/clusters/empty-cluster/events.ics" in calendars


def test_every_pages_structured_data_has_googles_required_properties(client, odd_site):
    pages = sitemap_pages(client)[2]
    found, errors = set(), {}
    for path in pages:
        html = client.get(path).text
        found.update(validators.structured_types(html, f"http://testserver{path}"))
        errors[path] = validators.structured_data_errors(html, f"http://testserver{path}")

    assert errors == dict.fromkeys(pages, [])
    assert {"Event", "Article", "Organization", "MonetaryGrant"} <= found


@validators.needs_vnu
def test_every_public_page_has_no_nu_html_checker_error(client, odd_site, tmp_path):
    pages = sorted({*sitemap_pages(client)[2], *PUBLIC_PAGES})
    documents = {"__folder__": tmp_path}
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        documents[path] = response.text

    assert validators.html_errors(documents) == {}
