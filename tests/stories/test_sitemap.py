import pytest

from tests.factories.events import EventFactory
from tests.factories.funding import FundingCallFactory
from tests.factories.listings import OrganisationFactory
from tests.factories.stories import BlogPageFactory

pytestmark = pytest.mark.django_db


def test_sitemaps_list_published_pages_listings_events_and_calls(client, project):
    BlogPageFactory(slug="repair-cafes")
    BlogPageFactory(slug="secret-draft", live=False)
    OrganisationFactory(slug="pending-org", pending=True)
    FundingCallFactory(slug="civic-fund")
    EventFactory(slug="repair-evening")
    EventFactory(slug="pending-meetup", pending=True)

    sitemap = client.get("/sitemap.xml").text

    assert "/stories/</loc>" in sitemap
    assert "/stories/repair-cafes/</loc>" in sitemap
    assert "/projects/repair-map/</loc>" in sitemap
    assert "/funding/civic-fund/</loc>" in sitemap
    assert "/events/repair-evening/</loc>" in sitemap
    assert "pending-meetup" not in sitemap
    assert "secret-draft" not in sitemap
    assert "pending-org" not in sitemap


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain"
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text
