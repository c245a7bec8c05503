"""The invitation e-mail leaves through a real Celery worker, after the transaction commits."""

import pytest

from tests.factories.accounts import UserFactory
from tests.factories.membership import create_organisation
from tests.membership.conftest import login
from tests.membership.helpers import body, link_containing, path_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_invitation_email_is_sent_by_the_worker(client, celery_worker, mailbox):
    mailbox.flush_outbox = False  # the worker, not the test, sends the outbox
    owner = UserFactory(email="owner@example.org", first_name="Olga", last_name="Owner")
    create_organisation(owner=owner, name="Open Commons", slug="open-commons")
    login(client, owner)

    client.post(
        "/organisations/open-commons/members/invite/",
        {"email": "lin@example.org", "role": "member"},
    )

    [message] = mailbox.wait_for("lin@example.org", timeout=30)
    assert message["Subject"] == "[DSI Hub] You are invited to join Open Commons"
    assert "Olga Owner invites you" in body(message)
    client.logout()
    page = client.get(path_of(link_containing(message, "/invitations/")))
    assert "Invitation to join Open Commons" in page.text
