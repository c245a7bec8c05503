"""The home page's stories, counts and sections (its navigation is in test_home.py)."""

import pytest

from clusters.models import Cluster
from stories.home import home_context
from stories.models import FeaturedCaseStudy, HomePage
from tests.factories.clusters import ClusterFactory
from tests.factories.events import EventFactory
from tests.factories.funding import FundingCallFactory, in_days
from tests.factories.stories import BlogPageFactory, CaseStudyPageFactory

pytestmark = pytest.mark.django_db


def feature(*case_studies):
    home = HomePage.objects.get()
    for order, case_study in enumerate(case_studies):
        FeaturedCaseStudy.objects.create(page=home, case_study=case_study, sort_order=order)


def test_home_shows_featured_case_studies_in_editors_order(client):
    first = CaseStudyPageFactory(title="Second by date")
    second = CaseStudyPageFactory(title="First by date")
    feature(first, second)

    response = client.get("/")

    assert [story.title for story in response.context["featured"]] == [
        "Second by date",
        "First by date",
    ]
    assert "Featured case studies" in response.text


def test_home_leaves_out_unpublished_featured_case_studies(client):
    feature(CaseStudyPageFactory(title="Pulled case", live=False))

    response = client.get("/")

    assert "Pulled case" not in response.text


def test_home_shows_latest_stories_and_live_counts(client, organisation, project):
    BlogPageFactory(title="Fresh post")
    FundingCallFactory(title="Closing soon fund", closes_on=in_days(3))
    FundingCallFactory(title="Pending fund", pending=True)
    EventFactory(title="Repair cafe evening")
    EventFactory(title="Pending meetup", pending=True)

    response = client.get("/")

    assert "Fresh post" in response.text
    assert dict(response.context["counts"]) == {
        "organisations": 1,
        "projects": 1,
        "upcoming events": 1,
        "open funding calls": 1,
    }
    assert "Next events" in response.text
    assert "Repair cafe evening" in response.text
    assert "Pending meetup" not in response.text
    assert "Funding closing soon" in response.text
    assert "Closing soon fund" in response.text
    assert "Pending fund" not in response.text
    assert 'href="/newsletter/"' in response.text


def test_home_shows_a_tile_per_cluster(client):
    cluster = ClusterFactory(title="Repair and reuse", slug="repair-and-reuse")

    response = client.get("/")

    tile = f'<a class="card__title" href="{cluster.get_absolute_url()}">Repair and reuse</a>'
    assert tile in response.text


def test_home_sets_no_cookie_for_visitors(client):
    response = client.get("/")

    assert response.cookies == {}


@pytest.mark.parametrize("count", [1, 20])
def test_home_query_count_is_fixed(client, django_assert_num_queries, count):
    case_studies = [
        CaseStudyPageFactory(listing_image=True, tags=["a", f"t{n}"]) for n in range(count)
    ]
    for n in range(count):
        BlogPageFactory(listing_image=True, authors=["One", "Two"], tags=[f"b{n}"])
    feature(*case_studies)
    FundingCallFactory()
    for _ in range(count):
        EventFactory(clusters=list(Cluster.objects.all()[:2]))
    client.get("/")  # creates renditions and caches the counts and the context
    home = HomePage.objects.get()

    with django_assert_num_queries(11):  # 9, and the next events with their clusters
        context = home_context(home)
    with django_assert_num_queries(4):  # finding the site and the page; the rest is cached
        response = client.get("/?fresh=1")

    assert len(context["featured"]) == len(response.context["featured"]) == count


def test_home_falls_back_to_case_studies_flagged_featured(client):
    CaseStudyPageFactory(title="Flagged case", featured=True)
    CaseStudyPageFactory(title="Ordinary case")

    response = client.get("/")

    assert [story.title for story in response.context["featured"]] == ["Flagged case"]


def test_home_shows_a_newly_published_story_at_once_without_the_page_cache(
    client, editor, settings
):
    settings.PAGE_CACHE = False
    client.get("/")
    story = BlogPageFactory(title="Fresh off the press", live=False)

    story.save_revision(user=editor).publish(user=editor)
    response = client.get("/")

    assert [s.title for s in response.context["latest_stories"]] == ["Fresh off the press"]
    assert "Fresh off the press" in response.text
