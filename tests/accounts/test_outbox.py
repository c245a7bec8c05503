"""accounts.outbox: every e-mail is a row first; the sender delivers each due row exactly once,
retries what the server cannot take now with growing delays and gives up on permanent refusals.
Real SMTP sink (aiosmtpd), real PostgreSQL."""

import threading
from datetime import timedelta

import pytest
from django.core.mail import EmailMessage
from django.db import connection
from django.utils import timezone
from post_office import mail
from post_office.models import STATUS, Email

from accounts.outbox import REPORT_HEADER, retry_delay, send_due_messages
from tests.support.mail import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def outbox(mailbox):
    """The SMTP sink, with the tests deciding when the outbox is sent."""
    mailbox.flush_outbox = False
    return mailbox


def queue(*addresses):
    for address in addresses:
        EmailMessage("Hello", "Body", to=[address]).send()


def make_due():
    Email.objects.update(scheduled_time=timezone.now() - timedelta(seconds=1))


def test_a_message_waits_in_the_outbox_until_the_sender_runs(outbox):
    queue("a@example.org")

    waiting = list(Email.objects.values_list("status", flat=True))
    counts = send_due_messages()

    assert waiting == [STATUS.queued]
    assert counts == {"sent": 1, "retrying": 0, "failed": 0}
    assert [m["To"] for m in outbox.received] == ["a@example.org"]
    assert outbox.received[0]["Message-ID"] == Email.objects.get().message_id


def test_a_refusing_server_gets_the_message_again_a_minute_later(outbox):
    queue("a@example.org")
    outbox.refuse = True

    send_due_messages()
    email = Email.objects.get()

    assert email.status == STATUS.requeued
    assert email.number_of_retries == 1
    assert timedelta(seconds=50) < email.scheduled_time - timezone.now() <= timedelta(minutes=1)
    assert email.logs.get().message.startswith("(451")
    assert send_due_messages() == {"sent": 0, "retrying": 0, "failed": 0}  # not due yet


def test_after_the_outage_the_message_arrives_exactly_once(outbox):
    queue("a@example.org")
    outbox.refuse = True
    send_due_messages()
    outbox.refuse = False

    make_due()
    send_due_messages()
    make_due()
    send_due_messages()

    assert [m["To"] for m in outbox.received] == ["a@example.org"]
    assert Email.objects.get().status == STATUS.sent


def test_an_unreachable_server_stops_the_run_and_leaves_the_rest_due(outbox, settings):
    queue("a@example.org", "b@example.org")
    settings.EMAIL_PORT = free_port()  # nobody listens

    counts = send_due_messages()

    assert counts == {"sent": 0, "retrying": 1, "failed": 0}
    assert sorted(Email.objects.values_list("number_of_retries", flat=True), key=str) == [1, None]


def test_a_permanent_refusal_fails_at_once_and_is_kept_for_the_operator(outbox):
    outbox.unknown = {"nobody@example.org"}
    queue("nobody@example.org")

    counts = send_due_messages()
    email = Email.objects.get()

    assert counts == {"sent": 0, "retrying": 0, "failed": 1}
    assert (email.status, email.number_of_retries) == (STATUS.failed, 1)
    assert "No such user" in email.logs.get().message


def test_an_operator_requeue_sends_a_failed_message_again(outbox):
    outbox.unknown = {"olga@example.org"}
    queue("olga@example.org")
    send_due_messages()
    outbox.unknown = set()

    Email.objects.update(status=STATUS.queued)  # the admin's "Requeue" action
    send_due_messages()

    assert [m["To"] for m in outbox.received] == ["olga@example.org"]


def test_the_delays_grow_then_stay_hourly_and_outlast_a_day(settings):
    delays = [retry_delay(attempt) for attempt in range(1, settings.EMAIL_OUTBOX_MAX_ATTEMPTS)]

    assert delays[:4] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert max(delays) == timedelta(hours=1)
    assert sum(delays, timedelta()) > timedelta(days=1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_senders_at_once_never_send_a_message_twice(outbox, settings):
    for n in range(40):  # rows only: no sender is kicked off while they are written
        mail.create(
            settings.DEFAULT_FROM_EMAIL, [f"person{n}@example.org"], subject="Hi", message="Body"
        )

    def run():
        send_due_messages()
        connection.close()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    recipients = [m["To"] for m in outbox.received]
    assert len(recipients) == 40
    assert len(set(recipients)) == 40
    assert set(Email.objects.values_list("status", flat=True)) == {STATUS.sent}


@pytest.fixture
def admins(settings):
    settings.ADMINS = [("Operations", "ops@example.org")]


def test_a_message_with_a_header_the_mail_library_refuses_fails_at_once_and_admins_are_told(
    outbox, admins, caplog
):
    """A line break in a header (a name with CR/LF, written before names were cleaned) makes
    Django refuse the message (BadHeaderError) every time: no retry, and someone is told."""
    mail.create(
        "hub@example.org",
        ["moderators@example.org"],
        subject='The organisation "Evil\r\nBcc: victim@example.org" was submitted',
        message="Body",
    )

    counts = send_due_messages()
    bad = Email.objects.get(to=["moderators@example.org"])

    assert (bad.status, bad.number_of_retries, bad.scheduled_time) == (STATUS.failed, 1, None)
    assert bad.logs.get().exception_type == "BadHeaderError"
    assert counts == {"sent": 1, "retrying": 0, "failed": 1}  # the report to the admins
    [report] = outbox.received
    assert report["To"] == "ops@example.org"
    assert report["Subject"] == "[DSI Hub] An e-mail could not be sent and will not be retried"
    assert f"/django-admin/post_office/email/{bad.pk}/change/" in report.get_content()
    assert "victim@example.org" not in report["Subject"]
    assert any(r.levelname == "ERROR" and r.name == "accounts.outbox" for r in caplog.records)


def test_a_bad_header_added_by_a_sender_fails_at_once_too(outbox, admins):
    EmailMessage("Hello", "Body", to=["a@example.org"], headers={"X-Title": "a\nb"}).send()

    send_due_messages()

    assert Email.objects.get(to=["a@example.org"]).status == STATUS.failed
    assert [m["To"] for m in outbox.received] == ["ops@example.org"]


def test_a_report_that_cannot_be_queued_still_leaves_the_message_failed(outbox, settings):
    settings.ADMINS = [("Ops", "ops@example.org\r\nBcc: x@example.org")]  # refused too
    mail.create("hub@example.org", ["a@example.org"], subject="a\r\nb", message="Body")

    assert send_due_messages() == {"sent": 0, "retrying": 0, "failed": 1}
    assert list(Email.objects.values_list("status", flat=True)) == [STATUS.failed]


def test_a_report_that_cannot_be_built_either_is_not_reported_again(outbox, admins):
    mail.create(
        "hub@example.org",
        ["ops@example.org"],
        subject="a\r\nb",
        message="Body",
        headers={REPORT_HEADER: "malformed"},
    )

    assert send_due_messages() == {"sent": 0, "retrying": 0, "failed": 1}
    assert Email.objects.count() == 1
    assert outbox.received == []


def test_without_admins_a_refused_message_is_still_failed_at_once(outbox, settings):
    settings.ADMINS = []
    mail.create("hub@example.org", ["a@example.org"], subject="a\r\nb", message="Body")

    assert send_due_messages() == {"sent": 0, "retrying": 0, "failed": 1}
    assert Email.objects.count() == 1
