"""Deadline reminders: 14 and 3 days before a saved call closes, one e-mail per person per day,
never twice for the same call and threshold, also when the task runs twice at once."""

import datetime as dt

import pytest

from accounts.mail import absolute_url
from funding.models import ReminderSent
from funding.services import send_deadline_reminders, threshold_for
from funding.tasks import send_deadline_reminders_task
from tests.factories.accounts import UserFactory
from tests.factories.funding import FundingCallFactory, SavedCallFactory, in_days
from tests.support.concurrency import together
from tests.support.mail import text_of

pytestmark = pytest.mark.django_db

ADDRESS = "saver@example.org"


@pytest.fixture
def saver():
    return UserFactory(email=ADDRESS, first_name="Sue", last_name="Saver")


def subject(message):
    """The decoded subject (the parser keeps the space before an encoded word: "“")."""
    return str(message["Subject"]).strip()


def save(user, title, days):
    return SavedCallFactory(
        user=user, call=FundingCallFactory(title=title, closes_on=in_days(days))
    )


@pytest.mark.parametrize(
    ("days_left", "threshold"),
    [(15, None), (14, 14), (10, 14), (4, 14), (3, 3), (0, 3), (-1, None), (None, None)],
)
def test_the_threshold_due_for_a_deadline(days_left, threshold):
    assert threshold_for(days_left) == threshold


def test_a_call_closing_in_14_days_gets_one_reminder_and_not_again_the_same_day(mailbox, saver):
    saved_call_url = absolute_url(save(saver, "Civic Fund", 14).call.get_absolute_url())

    first = send_deadline_reminders()
    again = send_deadline_reminders()

    assert (first, again) == (1, 0)
    [message] = mailbox.to(ADDRESS)
    assert subject(message) == "[DSI Hub] Deadline coming: “Civic Fund”"
    assert "Closes in 14 days" in text_of(message)
    assert f"{saved_call_url}" in text_of(message)


def test_two_calls_due_the_same_day_come_in_one_e_mail(mailbox, saver):
    save(saver, "Civic Fund", 14)
    save(saver, "Data Prize", 3)

    assert send_deadline_reminders() == 1

    [message] = mailbox.to(ADDRESS)
    text = text_of(message)
    assert subject(message) == "[DSI Hub] Deadlines coming for 2 saved calls"
    assert text.index("Data Prize") < text.index("Civic Fund")
    assert "Closes in 3 days" in text
    assert sorted(ReminderSent.objects.values_list("threshold", flat=True)) == [3, 14]


def test_calls_further_off_closed_rolling_or_unpublished_are_not_reminded(mailbox, saver):
    save(saver, "Far Fund", 15)
    save(saver, "Closed Fund", -1)
    SavedCallFactory(user=saver, call=FundingCallFactory(title="Rolling Fund", closes_on=None))
    SavedCallFactory(user=saver, call=FundingCallFactory(title="Draft", pending=True))

    assert send_deadline_reminders() == 0
    assert mailbox.to(ADDRESS) == []


def test_the_3_day_reminder_follows_the_14_day_one_on_a_later_day(mailbox, saver):
    saved = save(saver, "Civic Fund", 14)
    closes = saved.call.closes_on

    send_deadline_reminders()
    send_deadline_reminders(today=closes - dt.timedelta(days=10))
    send_deadline_reminders(today=closes - dt.timedelta(days=3))
    send_deadline_reminders(today=closes - dt.timedelta(days=1))

    subjects = [subject(m) for m in mailbox.to(ADDRESS)]
    assert subjects == ["[DSI Hub] Deadline coming: “Civic Fund”"] * 2
    assert "Closes in 3 days" in text_of(mailbox.to(ADDRESS)[1])


def test_each_person_gets_their_own_e_mail(mailbox, saver, stranger):
    call = FundingCallFactory(title="Civic Fund", closes_on=in_days(3))
    SavedCallFactory(user=saver, call=call)
    SavedCallFactory(user=stranger, call=call)

    assert send_deadline_reminders() == 2
    assert len(mailbox.to(ADDRESS)) == len(mailbox.to("stranger@example.org")) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_the_same_moment_send_one_e__mail(mailbox, saver):
    save(saver, "Civic Fund", 14)

    results = together(send_deadline_reminders, send_deadline_reminders)

    assert sorted(results) == [0, 1]
    assert len(mailbox.to(ADDRESS)) == 1
    assert ReminderSent.objects.count() == 1


def test_reminder_task_on_a_real_worker_sends_one_e_mail_then_none(celery_worker, mailbox, saver):
    save(saver, "Civic Fund", 14)

    first = send_deadline_reminders_task.delay().get(timeout=30)
    again = send_deadline_reminders_task.delay().get(timeout=30)

    assert (first, again) == (1, 0)
    [message] = mailbox.wait_for(ADDRESS)
    assert "Civic Fund" in text_of(message)
    assert len(mailbox.to(ADDRESS)) == 1
