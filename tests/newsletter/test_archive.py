import pytest
from django.utils import timezone

from newsletter.choices import IssueStatus
from tests.factories.newsletter import NewsletterIssueFactory

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
