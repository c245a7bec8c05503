import pytest

from tests.factories.events import EventFactory
from tests.factories.funding import FundingCallFactory
from tests.factories.listings import OrganisationFactory
from tests.factories.stories import BlogPageFactory

pytestmark = pytest.mark.django_db


def test_sitemaps_list_published_pages_listings_events_and_calls(client, project):
    BlogPageFactory(slug="repair-cafes")
    BlogPageFactory(slug="secret-draft", live=False)
    OrganisationFactory(slug="repair-collective")
    OrganisationFactory(slug="pending-org", pending=True)
    FundingCallFactory(slug="civic-fund")
    EventFactory(slug="repair-evening")
    EventFactory(slug="pending-meetup", pending=True)

    index = client.get("/sitemap.xml").text
    sections = ["pages", "organisations", "projects", "events", "funding"]
    sitemap = "".join(client.get(f"/sitemap-{key}.xml").text for key in sections)

    for key in sections:
        assert f"<loc>http://testserver/sitemap-{key}.xml</loc>" in index
    assert "/stories/</loc>" in sitemap
    assert "/stories/repair-cafes/</loc>" in sitemap
    assert "/projects/repair-map/</loc>" in sitemap
    assert "/organisations/repair-collective/</loc>" in sitemap
    assert "pending-org" not in sitemap
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


def test_robots_txt_keeps_crawlers_out_of_account_pages_in_every_language(client):
    lines = client.get("/robots.txt").text.splitlines()

    assert "Disallow: /accounts/" in lines
    assert "Disallow: /pl/accounts/" in lines
    assert "Disallow: /fr/accounts/" in lines
    assert "Disallow: /de/accounts/" in lines


def test_section_sitemaps_use_the_requests_host_even_before_the_site_is_named(client, settings):
    """The Wagtail Site says localhost until an editor sets it; no address may say so."""
    settings.ALLOWED_HOSTS = ["hub.example.org"]
    BlogPageFactory(slug="repair-cafes")

    sitemap = client.get("/sitemap-pages.xml", HTTP_HOST="hub.example.org").text

    assert "<loc>http://hub.example.org/stories/repair-cafes/</loc>" in sitemap
    assert 'hreflang="pl" href="http://hub.example.org/pl/stories/repair-cafes/"' in sitemap
    assert "localhost" not in sitemap


def test_changing_the_site_drops_the_cached_sitemap(client):
    from wagtail.models import Site

    before = client.get("/sitemap-pages.xml")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "DSI Hub"
    site.save()
    after = client.get("/sitemap-pages.xml")

    assert before["ETag"] != after["ETag"]


def test_public_pages_ask_crawlers_not_to_follow_account_links(client):
    html = client.get("/").text

    assert '<a href="/accounts/login/" rel="nofollow">' in html
    assert 'href="/accounts/signup/" rel="nofollow">' in html


def test_clusters_have_a_sitemap_section(client):
    index = client.get("/sitemap.xml").text
    sitemap = client.get("/sitemap-clusters.xml").text

    assert "<loc>http://testserver/sitemap-clusters.xml</loc>" in index
    assert "<loc>http://testserver/clusters/digital-democracy/</loc>" in sitemap


def test_a_section_beyond_its_limit_is_paged_and_the_index_lists_each_page(client, monkeypatch):
    from core.sitemaps import PublishedSitemap

    monkeypatch.setattr(PublishedSitemap, "limit", 5)  # 50,000 in production
    EventFactory(slug="repair-evening")  # 8 addresses: one per language

    index = client.get("/sitemap.xml").text
    second = client.get("/sitemap-events.xml?p=2")

    assert "<loc>http://testserver/sitemap-events.xml?p=2</loc>" in index
    assert "sitemap-events.xml?p=3" not in index
    assert "sitemap-funding.xml?p=2" not in index
    assert second.status_code == 200
    assert second.text.count("<url>") == 3


@pytest.mark.parametrize("count", [1, 3])
def test_section_sitemaps_cost_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    for number in range(count):
        EventFactory(slug=f"meetup-{number}")
        BlogPageFactory(slug=f"story-{number}")
    client.get("/sitemap-pages.xml")  # the Wagtail Site's root paths, cached once

    # ?p=1: an address the page cache has not kept yet
    with django_assert_num_queries(1):
        events = client.get("/sitemap-events.xml?p=1")
    with django_assert_num_queries(3):  # the site, view restrictions, the pages
        pages = client.get("/sitemap-pages.xml?p=1")

    assert events.text.count("<url>") == count * 8  # one per language
    assert pages.text.count("<url>") == (count + 2) * 8  # with the home and the story index


def test_the_index_leaves_out_sections_with_nothing_published(client):
    OrganisationFactory(slug="pending-org", pending=True)

    index = client.get("/sitemap.xml").text

    assert "sitemap-organisations.xml" not in index  # an empty <urlset> is not valid
    assert "sitemap-pages.xml" in index
