"""An SMTP outage loses nothing and sends nothing twice: real Celery worker, real SMTP sink."""

from datetime import timedelta

import pytest
from django.utils import timezone
from post_office.models import STATUS, Email

from accounts.tasks import send_due_messages_task
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory
from tests.support.mail import free_port
from tests.support.waiting import wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIGNUP = {
    "first_name": "Ada",
    "email": "ada@example.org",
    "password1": "correct-horse-battery-staple-9",
    "password2": "correct-horse-battery-staple-9",
    "accept_terms": "on",
}


def test_mail_written_during_an_smtp_outage_arrives_once_when_it_is_over(
    client, celery_worker, mailbox, settings
):
    mailbox.flush_outbox = False  # only the worker sends
    server_port, settings.EMAIL_PORT = settings.EMAIL_PORT, free_port()  # the server is down
    owner = UserFactory(email="owner@example.org")
    OrganisationFactory(owner=owner, name="Open Commons", slug="open-commons")

    signup = client.post("/accounts/signup/", SIGNUP)
    client.force_login(owner)
    invite = client.post(
        "/organisations/open-commons/members/invite/",
        {"email": "lin@example.org", "role": "member"},
    )
    wait_until(lambda: set(Email.objects.values_list("status", flat=True)) == {STATUS.requeued})

    settings.EMAIL_PORT = server_port  # the server is back; a minute passes; beat runs
    Email.objects.update(scheduled_time=timezone.now() - timedelta(seconds=1))
    first = send_due_messages_task.delay().get(timeout=30)
    again = send_due_messages_task.delay().get(timeout=30)

    assert (signup.status_code, invite.status_code) == (302, 302)
    assert (first["sent"], again["sent"]) == (2, 0)
    assert [len(mailbox.to(a)) for a in ("ada@example.org", "lin@example.org")] == [1, 1]
    assert set(Email.objects.values_list("status", flat=True)) == {STATUS.sent}
