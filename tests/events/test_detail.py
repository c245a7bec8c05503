"""An event's page: when and where in its own zone, map, JSON-LD, calendar link, no cookie."""

import datetime as dt
import json
import re

import pytest

from tests.factories.events import EventFactory, days_from_now
from tests.factories.listings import OrganisationFactory
from tests.factories.taxonomy import PlaceFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    [data] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(data)


def test_page_shows_the_event_in_its_zone_with_map_and_structured_data(client):
    start = days_from_now(4, hour=10, zone="Europe/Lisbon")
    lisbon = PlaceFactory(name="Lisboa", country="PT", latitude="38.716670", longitude="-9.133330")
    organiser = OrganisationFactory(name="Open Commons Lisboa")
    event = EventFactory(
        title="Repair café",
        summary="Bring what is broken.",
        body="<p>Tools <em>provided</em>.</p><script>alert(1)</script>",
        start=start,
        end=start + dt.timedelta(hours=4),
        timezone="Europe/Lisbon",
        city=lisbon,
        venue="Mercado",
        registration_url="https://tickets.example.org/repair",
        is_free=True,
        organiser=organiser,
    )

    response = client.get(event.get_absolute_url())

    html = response.text
    assert response.cookies == {}
    assert '<h1 class="listing__title">Repair café</h1>' in html
    assert f"{start:%a %-d %b %Y}, 10:00–14:00 WE" in html  # WET or WEST
    assert "<em>provided</em>" in html and "<script>alert(1)</script>" not in html
    assert 'data-lat="38.716670" data-lng="-9.133330"' in html
    assert 'href="/organisations/' in html and "Open Commons Lisboa" in html
    assert f'href="{event.get_calendar_url()}"' in html
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["startDate"] == start.isoformat()
    assert data["location"][0]["address"]["addressLocality"] == "Lisboa"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Open Commons Lisboa",
        "url": f"http://testserver{organiser.get_absolute_url()}",
    }
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_online_event_page_has_no_map(client):
    event = EventFactory(format="online", city=None, online_url="https://meet.example.org/a")

    html = client.get(event.get_absolute_url()).text

    assert "data-place-map" not in html
    assert 'href="https://meet.example.org/a"' in html
    assert json_ld(html)["location"] == [
        {"@type": "VirtualLocation", "url": "https://meet.example.org/a"}
    ]


def test_online_event_without_a_link_yet_is_reached_from_its_page(client):
    """Google wants a VirtualLocation with a URL; the form lets the link come later."""
    event = EventFactory(format="online", city=None, online_url="")

    html = client.get(event.get_absolute_url()).text

    assert json_ld(html)["location"] == [
        {"@type": "VirtualLocation", "url": f"http://testserver{event.get_absolute_url()}"}
    ]


def test_unknown_event_is_not_found(client):
    assert client.get("/events/no-such-event/").status_code == 404
