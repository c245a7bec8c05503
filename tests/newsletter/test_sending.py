"""The bulk pipeline on the real services: a Celery worker on Redis, PostgreSQL row locks, an
SMTP sink. Exactly one message per subscriber who wants it, whatever fails on the way."""

import datetime as dt
import threading
import time
from collections import Counter

import pytest
from django.db import connection
from django.utils import timezone

from newsletter.choices import DeliveryKind, DeliveryStatus, IssueStatus, SubscriberStatus
from newsletter.models import Delivery, NewsletterIssue
from newsletter.rendering import IssueMessages
from newsletter.services import dispatch, sending, subscriptions
from tests.factories.newsletter import NewsletterIssueFactory, SubscriberFactory
from tests.support.waiting import wait_until

pytestmark = pytest.mark.django_db
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def recipients(mailbox):
    return Counter(
        address for message in mailbox.received for address in message.envelope_recipients
    )


@committed
def test_issue_reaches_each_confirmed_subscriber_exactly_once(mailbox, celery_worker, settings):
    settings.NEWSLETTER_CHUNK_SIZE = 200
    mailbox.flush_outbox = False
    active = SubscriberFactory.create_batch(1000)
    SubscriberFactory(status=SubscriberStatus.PENDING, email="pending@example.org")
    SubscriberFactory(status=SubscriberStatus.UNSUBSCRIBED, email="left@example.org")
    SubscriberFactory(status=SubscriberStatus.BOUNCED, email="bounced@example.org")
    SubscriberFactory(wants_newsletter=False, email="digest-only@example.org")
    issue = NewsletterIssueFactory()

    dispatch.send_issue_now(issue)
    wait_until(lambda: len(mailbox.received) >= 1000, timeout=120)
    dispatch.dispatch_due()  # a second dispatch (beat) adds nothing
    time.sleep(1)

    assert recipients(mailbox) == Counter({s.email: 1 for s in active})
    wait_until(
        lambda: NewsletterIssue.objects.get(pk=issue.pk).status == IssueStatus.SENT, timeout=60
    )
    assert issue.deliveries.counts()[DeliveryStatus.SENT] == 1000
    message = mailbox.received[0]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].strip().startswith("<http://")
    assert Delivery.objects.filter(message_id=message["Message-ID"].strip("<>")).count() == 1


@committed
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
    wait_until(lambda: Delivery.objects.filter(attempts__gte=1).count() == 60, timeout=60)
    settings.EMAIL_PORT = port
    time.sleep(2)  # the back-off passes; beat's next run finds the idle, due deliveries
    wait_until(
        lambda: (dispatch.dispatch_due(now=_later()) and False) or len(mailbox.received) >= 60,
        timeout=60,
    )

    time.sleep(1)
    assert recipients(mailbox) == Counter({s.email: 1 for s in subscribers})


def _later():
    import datetime as dt

    from django.utils import timezone

    return timezone.now() + dt.timedelta(seconds=90)


def test_a_dead_workers_claimed_chunk_is_sent_once_its_claim_is_stale(mailbox, settings):
    """A worker that claimed rows and died (its lease ran out unrenewed) leaves them queued; the
    next chunk takes them, and rows sent before the crash are not sent again."""
    mailbox.flush_outbox = False
    subscribers = SubscriberFactory.create_batch(6)
    issue = NewsletterIssueFactory()
    dispatch.schedule_issue(issue, send_at=timezone.now())
    dispatch.queue_issue_deliveries(issue, timezone.now())
    scope = sending.Scope(DeliveryKind.ISSUE, issue_id=issue.pk)
    crashed = sending.claim_chunk(scope, size=4)
    Delivery.objects.filter(pk=crashed[0]).update(status=DeliveryStatus.SENT)  # sent before dying
    long_ago = timezone.now() - sending.lease_length() - dt.timedelta(seconds=1)
    Delivery.objects.filter(pk__in=crashed).update(claimed_at=long_ago)

    fresh = sending.claim_chunk(scope, size=10)

    assert sorted(fresh) == sorted(
        Delivery.objects.exclude(pk=crashed[0]).values_list("pk", flat=True)
    )
    messages = IssueMessages(NewsletterIssue.objects.get(pk=issue.pk)).message_for
    sending.send_chunk(scope, fresh, messages=messages)
    assert len(mailbox.received) == 5
    assert {m.envelope_recipients[0] for m in mailbox.received} == {
        s.email for s in subscribers
    } - {Delivery.objects.get(pk=crashed[0]).subscriber.email}


@committed
def test_a_working_chunk_keeps_its_rows_past_the_lease_and_frees_them_when_it_stops(settings):
    """The lease thread renews the claim (on a connection of its own, as in a worker) so a slow
    chunk's rows never pass for a dead worker's; without renewal they are free a lease later."""
    settings.NEWSLETTER_CLAIM_LEASE_SECONDS = 3
    SubscriberFactory.create_batch(3)
    issue = NewsletterIssueFactory()
    dispatch.queue_issue_deliveries(issue, timezone.now())
    scope = sending.Scope(DeliveryKind.ISSUE, issue_id=issue.pk)
    pks = sending.claim_chunk(scope)
    lease = sending.Lease(pks)

    lease.start()
    time.sleep(4)
    taken_while_renewed = sending.claim_chunk(scope)
    lease.stop()
    held = lease.held()
    time.sleep(3.5)
    taken_after = sending.claim_chunk(scope)

    assert taken_while_renewed == []
    assert held
    assert sorted(taken_after) == sorted(pks)


def test_a_chunk_that_finds_only_leased_rows_checks_back_when_the_first_lease_ends(settings):
    SubscriberFactory.create_batch(2)
    issue = NewsletterIssueFactory()
    dispatch.queue_issue_deliveries(issue, timezone.now())
    scope = sending.Scope(DeliveryKind.ISSUE, issue_id=issue.pk)
    nothing_claimed = sending.seconds_until_a_lease_ends(scope)
    sending.claim_chunk(scope)

    delay = sending.seconds_until_a_lease_ends(scope)

    assert nothing_claimed is None
    lease = settings.NEWSLETTER_CLAIM_LEASE_SECONDS
    assert lease - 1 < delay <= lease + 1


def test_inline_tasks_never_check_back_on_their_own_leases(
    mailbox, settings, django_capture_on_commit_callbacks
):
    """The embedded default runs tasks inline: a chunk's successor runs before the chunk
    sends, finds its rows leased, and must not wait for them (it would wait for itself)."""
    mailbox.flush_outbox = False
    settings.NEWSLETTER_CHUNK_SIZE = 2
    SubscriberFactory.create_batch(5)
    issue = NewsletterIssueFactory()

    with django_capture_on_commit_callbacks(execute=True):
        dispatch.send_issue_now(issue)

    assert len(mailbox.received) == 5
    assert NewsletterIssue.objects.get(pk=issue.pk).status == IssueStatus.SENT


def test_a_fresh_claim_is_not_taken_by_another_chunk(settings):
    SubscriberFactory.create_batch(3)
    issue = NewsletterIssueFactory()
    dispatch.queue_issue_deliveries(issue, timezone.now())
    scope = sending.Scope(DeliveryKind.ISSUE, issue_id=issue.pk)

    first = sending.claim_chunk(scope, size=2)
    second = sending.claim_chunk(scope, size=10)

    assert len(first) == 2
    assert len(second) == 1
    assert not set(first) & set(second)


def test_a_permanently_refused_recipient_fails_and_the_others_are_sent(mailbox, settings):
    mailbox.flush_outbox = False
    SubscriberFactory.create_batch(3)
    gone = SubscriberFactory(email="nobody@example.org")
    mailbox.unknown.add(gone.email)
    issue = NewsletterIssueFactory()
    dispatch.queue_issue_deliveries(issue, timezone.now())
    scope = sending.Scope(DeliveryKind.ISSUE, issue_id=issue.pk)

    counts = sending.send_chunk(
        scope, sending.claim_chunk(scope), messages=IssueMessages(issue).message_for
    )

    assert counts["sent"] == 3
    assert counts["failed"] == 1
    assert Delivery.objects.get(subscriber=gone).status == DeliveryStatus.FAILED
    assert len(mailbox.received) == 3


def test_a_temporary_refusal_queues_the_message_again_with_back_off(mailbox, settings):
    mailbox.flush_outbox = False
    mailbox.refuse = True  # 451 to every message
    subscriber = SubscriberFactory()
    issue = NewsletterIssueFactory()
    dispatch.queue_issue_deliveries(issue, timezone.now())
    scope = sending.Scope(DeliveryKind.ISSUE, issue_id=issue.pk)
    before = timezone.now()

    sending.send_chunk(scope, sending.claim_chunk(scope), messages=IssueMessages(issue).message_for)

    delivery = Delivery.objects.get(subscriber=subscriber)
    assert delivery.status == DeliveryStatus.QUEUED
    assert delivery.attempts == 1
    assert delivery.claimed_at is None
    assert delivery.next_attempt_at >= before + dt.timedelta(seconds=60)


def test_someone_who_unsubscribes_after_queueing_is_skipped(mailbox, settings):
    mailbox.flush_outbox = False
    stays, leaves = SubscriberFactory.create_batch(2)
    issue = NewsletterIssueFactory()
    dispatch.queue_issue_deliveries(issue, timezone.now())
    subscriptions.unsubscribe(leaves)
    scope = sending.Scope(DeliveryKind.ISSUE, issue_id=issue.pk)

    sending.send_chunk(scope, sending.claim_chunk(scope), messages=IssueMessages(issue).message_for)

    assert [m.envelope_recipients for m in mailbox.received] == [[stays.email]]
    assert Delivery.objects.get(subscriber=leaves).status == DeliveryStatus.SKIPPED


@committed
def test_the_rate_limit_holds_across_senders(mailbox, settings):
    """Two chunks sending at once share the Redis counter of each wall-clock second: 12
    messages at 5 a second span three seconds, so they take more than one (unthrottled, the
    sink takes all twelve in a tenth of that)."""
    mailbox.flush_outbox = False
    settings.NEWSLETTER_RATE_LIMIT = 5
    SubscriberFactory.create_batch(12)
    issue = NewsletterIssueFactory()
    dispatch.queue_issue_deliveries(issue, timezone.now())
    scope = sending.Scope(DeliveryKind.ISSUE, issue_id=issue.pk)
    chunks = [sending.claim_chunk(scope, size=6), sending.claim_chunk(scope, size=6)]
    started = time.monotonic()

    def send(pks):
        try:
            sending.send_chunk(scope, pks, messages=IssueMessages(issue).message_for)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(pks,)) for pks in chunks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(mailbox.received) == 12
    assert time.monotonic() - started > 1.0


@committed
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
