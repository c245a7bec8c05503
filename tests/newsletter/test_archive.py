import json

import pytest
from django.utils import timezone

from newsletter.choices import IssueStatus
from tests.factories.newsletter import NewsletterIssueFactory
from tests.factories.stories import BlogPageFactory, CaseStudyPageFactory

pytestmark = pytest.mark.django_db


def test_archived_issue_shows_its_content_without_personal_links(client):
    issue = NewsletterIssueFactory(
        subject="September news",
        intro="<p>A month of open data.</p>",
        status=IssueStatus.SENT,
        sent_at=timezone.now(),
    )

    response = client.get(f"/newsletter/archive/{issue.pk}/")

    assert "A month of open data." in response.text
    assert "/newsletter/unsubscribe/" not in response.text
    assert "/newsletter/preferences/" not in response.text


@pytest.mark.parametrize("stories", [1, 3])
def test_archived_issue_costs_the_same_queries_with_one_story_or_three(
    client, django_assert_num_queries, stories
):
    """The stories of an issue are fetched as their own page types in one query a type, not
    one query a story (django-zeal answered 500 to that N+1)."""
    pages = BlogPageFactory.create_batch(stories)
    issue = NewsletterIssueFactory(
        sections=json.dumps(
            [{"type": "stories", "value": {"heading": "", "stories": [p.pk for p in pages]}}]
        ),
        status=IssueStatus.SENT,
        sent_at=timezone.now(),
    )

    with django_assert_num_queries(5):
        response = client.get(f"/newsletter/archive/{issue.pk}/")

    assert [page.title in response.text for page in pages] == [True] * stories


def test_archived_issue_shows_each_kind_of_story_with_its_intro(client):
    blog = BlogPageFactory(title="Repair cafés go digital", intro="Fixing with open manuals.")
    case = CaseStudyPageFactory(title="Streets mapped", intro="A map of repairs.")
    issue = NewsletterIssueFactory(
        sections=json.dumps(
            [{"type": "stories", "value": {"heading": "", "stories": [case.pk, blog.pk]}}]
        ),
        status=IssueStatus.SENT,
        sent_at=timezone.now(),
    )

    response = client.get(f"/newsletter/archive/{issue.pk}/")

    text = response.text
    assert text.index("Streets mapped") < text.index("Repair cafés go digital")
    assert "A map of repairs." in text
    assert "Fixing with open manuals." in text
