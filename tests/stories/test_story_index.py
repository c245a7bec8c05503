import datetime as dt

import pytest
from django.utils import timezone

from tests.factories.clusters import ClusterFactory
from tests.factories.stories import BlogPageFactory, CaseStudyPageFactory
from tests.interop.validators import feed_errors

pytestmark = pytest.mark.django_db


def titles(response):
    return [story.title for story in response.context["stories"]]


def test_story_index_lists_published_stories_newest_first(client):
    today = dt.date(2026, 11, 1)
    BlogPageFactory(title="Older post", date=today - dt.timedelta(days=5))
    CaseStudyPageFactory(title="Newest case", date=today)
    BlogPageFactory(title="Draft post", date=today, live=False)

    response = client.get("/stories/")

    assert titles(response) == ["Newest case", "Older post"]
    assert "Draft post" not in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=blog", ["Blog about repair"]),
        ("kind=case-study", ["Case in health"]),
        ("tag=repair", ["Blog about repair"]),
        ("year=2024", ["Case in health"]),
        ("cluster=health", ["Case in health"]),
    ],
)
def test_story_index_filters(client, query, expected):
    health = ClusterFactory(slug="health", title="Health")
    BlogPageFactory(title="Blog about repair", tags=["repair"], date=dt.date(2025, 3, 1))
    CaseStudyPageFactory(title="Case in health", clusters=[health], date=dt.date(2024, 3, 1))

    response = client.get(f"/stories/?{query}")

    assert titles(response) == expected


def test_story_index_paginates_twelve_a_page(client):
    for n in range(13):
        BlogPageFactory(title=f"Post {n:02}", date=dt.date(2025, 1, 1) + dt.timedelta(days=n))

    second = client.get("/stories/?page=2")

    assert titles(second) == ["Post 00"]


def test_rss_feed_lists_published_stories(client):
    BlogPageFactory(title="Repair cafés go digital", slug="repair-cafes")
    BlogPageFactory(title="Secret draft", live=False)

    response = client.get("/stories/feed.rss")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert "<title>Repair cafés go digital</title>" in response.text
    assert "/stories/repair-cafes/" in response.text
    assert "Secret draft" not in response.text


def test_atom_feed_lists_published_stories(client):
    CaseStudyPageFactory(title="Open maps for care")

    response = client.get("/stories/feed.atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert "<title>Open maps for care</title>" in response.text


def test_story_index_sets_no_cookie_for_visitors(client):
    BlogPageFactory()

    response = client.get("/stories/")

    assert response.cookies == {}


@pytest.mark.parametrize("count", [1, 20])
def test_story_index_query_count_is_fixed(client, django_assert_num_queries, count):
    clusters = [ClusterFactory(), ClusterFactory()]
    for n in range(count):
        BlogPageFactory(
            listing_image=True,
            tags=[f"tag-{n}", "common"],
            clusters=clusters,
            authors=["Guest", "Other Guest"],
        )
    client.get("/stories/")  # renditions are created on the first view; the route is kept

    with django_assert_num_queries(13):  # a query per facet (kind, cluster, area, tag, year)
        response = client.get("/stories/?page=1&kind=blog")

    with django_assert_num_queries(5):  # the site, the index and its view restrictions
        again = client.get("/stories/?kind=blog&page=1")

    assert len(response.context["stories"]) == len(again.context["stories"]) == min(count, 12)
    assert response.text.count("srcset=") == again.text.count("srcset=") == min(count, 12)


def test_story_index_counts_and_offers_a_new_story_at_once_without_the_page_cache(
    client, editor, settings
):
    settings.PAGE_CACHE = False
    BlogPageFactory(title="First")
    assert "1 story" in client.get("/stories/").text

    story = BlogPageFactory(title="Second", live=False)
    story.save_revision(user=editor).publish(user=editor)
    response = client.get("/stories/")

    assert "2 stories" in response.text
    assert sorted(titles(response)) == ["First", "Second"]


def test_atom_feed_names_an_author_and_never_updates_an_entry_before_publishing_it(client):
    """RFC 4287 §4.1.1–2: a feed or each entry names an author; a story dated after its
    publication (published at nine on its date) is updated no earlier than that."""
    BlogPageFactory(title="Tomorrow's story", date=timezone.localdate() + dt.timedelta(days=1))

    body = client.get("/stories/feed.atom").content

    assert feed_errors(body) == []
    assert b"<author><name>DSI Hub</name></author>" in body
