"""Public stories pages are kept for visitors and dropped when a story is published."""

import pytest

from tests.factories.stories import BlogPageFactory, ResourceFactory

pytestmark = pytest.mark.django_db

CACHED_PATHS = [
    "/",
    "/stories/",
    "/stories/feed.rss",
    "/resources/",
    "/sitemap.xml",
    "/robots.txt",
    "/newsletter/archive/",
    "/newsletter/",
    "/newsletter/thanks/",
]


@pytest.mark.parametrize("path", CACHED_PATHS)
def test_public_pages_are_cached_for_visitors_without_cookies(client, path):
    BlogPageFactory()
    ResourceFactory()

    first = client.get(path)
    second = client.get(path)

    assert first.status_code == 200
    assert first.cookies == {}
    assert second.headers.get("X-Page-Cache") == "hit"
    assert second.content == first.content


def test_publishing_a_story_drops_the_cached_index(client, editor):
    client.get("/stories/")
    page = BlogPageFactory(title="Just published", live=False)

    page.save_revision(user=editor).publish(user=editor)
    response = client.get("/stories/")

    assert response.headers.get("X-Page-Cache") is None
    assert "Just published" in response.text
