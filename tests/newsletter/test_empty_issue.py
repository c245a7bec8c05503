"""An issue without sections is never sent: scheduling and sending it now are refused, and one
emptied after it was scheduled goes back to draft when its time comes."""

import datetime as dt

import pytest
from django.utils import timezone

from newsletter.choices import IssueStatus
from newsletter.models import Delivery, NewsletterIssue
from newsletter.services import dispatch
from tests.factories.newsletter import NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty_issue():
    SubscriberFactory()
    return NewsletterIssueFactory(sections=[])


def test_sending_an_issue_without_sections_now_is_refused(empty_issue):
    with pytest.raises(dispatch.IssueEmpty):
        dispatch.send_issue_now(empty_issue)

    empty_issue.refresh_from_db()
    assert (empty_issue.status, empty_issue.send_at) == (IssueStatus.DRAFT, None)
    assert Delivery.objects.count() == 0


def test_scheduling_an_issue_without_sections_is_refused(empty_issue):
    with pytest.raises(dispatch.IssueEmpty):
        dispatch.schedule_issue(empty_issue, send_at=timezone.now() + dt.timedelta(days=1))

    empty_issue.refresh_from_db()
    assert empty_issue.status == IssueStatus.DRAFT


def test_an_issue_emptied_after_scheduling_goes_back_to_draft_unsent(empty_issue):
    NewsletterIssue.objects.filter(pk=empty_issue.pk).update(
        status=IssueStatus.SCHEDULED, send_at=timezone.now() - dt.timedelta(minutes=1)
    )

    result = dispatch.dispatch_due()

    empty_issue.refresh_from_db()
    assert result["started"] == 0
    assert empty_issue.status == IssueStatus.DRAFT
    assert Delivery.objects.count() == 0


def test_an_issue_with_a_section_is_sent(empty_issue):
    issue = NewsletterIssueFactory()  # the factory's issue has one section

    assert dispatch.send_issue_now(issue) == 1
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENDING
