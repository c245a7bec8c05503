"""The bulk pipeline on the real services: a Celery worker on Redis, PostgreSQL row locks, an
SMTP sink. Exactly one message per subscriber who wants it, whatever fails on the way."""

import time
from collections import Counter

import pytest

from newsletter.choices import DeliveryStatus, IssueStatus, SubscriberStatus
from newsletter.models import Delivery, NewsletterIssue
from newsletter.services import dispatch
from tests.factories.newsletter import NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def wait_until(condition, *, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def recipients(mailbox):
    return Counter(
        address for message in mailbox.received for address in message.envelope_recipients
    )


def test_issue_reaches_each_confirmed_subscriber_exactly_once(mailbox, celery_worker, settings):
    settings.NEWSLETTER_CHUNK_SIZE = 50
    mailbox.flush_outbox = False
    active = SubscriberFactory.create_batch(120)
    SubscriberFactory(status=SubscriberStatus.PENDING, email="pending@example.org")
    SubscriberFactory(status=SubscriberStatus.UNSUBSCRIBED, email="left@example.org")
    SubscriberFactory(status=SubscriberStatus.BOUNCED, email="bounced@example.org")
    SubscriberFactory(wants_newsletter=False, email="digest-only@example.org")
    issue = NewsletterIssueFactory()

    dispatch.send_issue_now(issue)
    wait_until(lambda: len(mailbox.received) >= 120)
    dispatch.dispatch_due()  # a second dispatch (beat) adds nothing
    time.sleep(1)

    assert recipients(mailbox) == Counter({s.email: 1 for s in active})
    wait_until(lambda: NewsletterIssue.objects.get(pk=issue.pk).status == IssueStatus.SENT)
    assert issue.deliveries.counts()[DeliveryStatus.SENT] == 120
    message = mailbox.received[0]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].strip().startswith("<http://")
    assert Delivery.objects.filter(message_id=message["Message-ID"].strip("<>")).count() == 1


def test_sending_resumes_after_the_mail_server_refused_connections(
    mailbox, celery_worker, settings
):
    settings.NEWSLETTER_CHUNK_SIZE = 20
    settings.NEWSLETTER_RETRY_BASE_SECONDS = 1
    mailbox.flush_outbox = False
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 9  # nothing listens: connection refused
    subscribers = SubscriberFactory.create_batch(60)
    issue = NewsletterIssueFactory()

    dispatch.send_issue_now(issue)
    wait_until(lambda: Delivery.objects.filter(attempts__gte=1).count() == 60)
    settings.EMAIL_PORT = port
    time.sleep(2)  # the back-off passes; beat's next run finds the idle, due deliveries
    wait_until(
        lambda: (dispatch.dispatch_due(now=_later()) and False) or len(mailbox.received) >= 60
    )

    time.sleep(1)
    assert recipients(mailbox) == Counter({s.email: 1 for s in subscribers})


def _later():
    import datetime as dt

    from django.utils import timezone

    return timezone.now() + dt.timedelta(seconds=90)


def test_the_last_chunk_marks_the_issue_sent_without_waiting_for_beat(
    mailbox, celery_worker, settings
):
    settings.NEWSLETTER_CHUNK_SIZE = 10
    mailbox.flush_outbox = False
    SubscriberFactory.create_batch(35)
    issue = NewsletterIssueFactory()

    dispatch.send_issue_now(issue)  # no dispatch_due (beat) in this test

    wait_until(
        lambda: NewsletterIssue.objects.get(pk=issue.pk).status == IssueStatus.SENT, timeout=30
    )
    assert len(mailbox.received) == 35
