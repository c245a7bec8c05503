"""One chunk in-process: what it leaves behind besides the sent messages."""

import re

import pytest
from django.db import connection
from django.utils import timezone

from newsletter.choices import DeliveryKind, DeliveryStatus, IssueStatus
from newsletter.models import NewsletterIssue
from newsletter.rendering import IssueMessages
from newsletter.services import dispatch, sending
from newsletter.tasks import _issue_messages
from tests.factories.newsletter import NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def synchronous_commit():
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


def test_a_chunk_marks_each_row_sent_and_restores_synchronous_commit(mailbox):
    mailbox.flush_outbox = False
    SubscriberFactory.create_batch(3)
    issue = NewsletterIssueFactory(status=IssueStatus.SENDING, sending_started_at=timezone.now())
    dispatch.queue_issue_deliveries(issue, timezone.now())
    scope = sending.Scope(DeliveryKind.ISSUE, issue_id=issue.pk)

    counts = sending.send_chunk(
        scope, sending.claim_chunk(scope), messages=_issue_messages(issue).message_for
    )

    assert counts["sent"] == 3
    assert issue.deliveries.counts()[DeliveryStatus.SENT] == 3
    assert len(mailbox.received) == 3
    assert synchronous_commit() == "on"


def test_a_worker_renders_a_sending_issue_once_for_all_its_chunks():
    issue = NewsletterIssueFactory(status=IssueStatus.SENDING, sending_started_at=timezone.now())
    other = NewsletterIssueFactory(status=IssueStatus.SENDING, sending_started_at=timezone.now())

    first = _issue_messages(issue)

    assert _issue_messages(issue) is first
    assert _issue_messages(other) is not first
    assert _issue_messages(other).issue == other


def test_a_message_built_again_by_another_worker_has_the_same_message_id(settings):
    """A resend after a crash is recognisably the same message: the Message-ID depends only on
    the issue (and when its sending started) and the subscriber, never on the attempt."""
    settings.SITE_URL = "https://hub.example.eu"
    ada, bob = SubscriberFactory.create_batch(2)
    issue = NewsletterIssueFactory(status=IssueStatus.SENDING, sending_started_at=timezone.now())

    first, first_id = IssueMessages(issue).message_for(ada)
    _again, again_id = IssueMessages(NewsletterIssue.objects.get(pk=issue.pk)).message_for(ada)
    _other, other_id = IssueMessages(issue).message_for(bob)

    assert first.message()["Message-ID"] == first_id == again_id
    assert re.fullmatch(
        rf"<issue-{issue.pk}\.sub-{ada.pk}\.[0-9a-f]{{16}}@hub\.example\.eu>", again_id
    )
    assert other_id != first_id
