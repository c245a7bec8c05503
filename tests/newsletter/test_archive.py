import pytest
from django.utils import timezone

from newsletter.choices import IssueStatus
from newsletter.services import dispatch, sending
from tests.factories.newsletter import NewsletterIssueFactory

pytestmark = pytest.mark.django_db


def test_archive_lists_sent_issues_only(client):
    sent = NewsletterIssueFactory(
        subject="October news", status=IssueStatus.SENT, sent_at=timezone.now()
    )
    NewsletterIssueFactory(subject="Draft news")

    response = client.get("/newsletter/archive/")

    assert "October news" in response.text
    assert "Draft news" not in response.text
    assert f'href="/newsletter/archive/{sent.pk}/"' in response.text


def test_an_issue_that_finishes_sending_appears_in_the_cached_archive_at_once(client, settings):
    settings.PAGE_CACHE = True
    issue = NewsletterIssueFactory(subject="November news")
    dispatch.schedule_issue(issue, send_at=timezone.now())
    first = client.get("/newsletter/archive/")

    dispatch.start_issue(issue)  # no subscribers: nothing to send
    sending.finish_sent_issues()

    assert "November news" not in first.text
    assert "November news" in client.get("/newsletter/archive/").text


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


def test_draft_issue_is_not_public(client):
    issue = NewsletterIssueFactory()

    assert client.get(f"/newsletter/archive/{issue.pk}/").status_code == 404
