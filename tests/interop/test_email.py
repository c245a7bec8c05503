"""Every kind of message the hub sends, as it arrives over SMTP, through Python's strict e-mail
parser (policy.strict) and the checks of validators.email_errors: multipart, no line over 998
characters, Auto-Submitted, and on bulk mail an HTTPS one-click List-Unsubscribe (RFC 8058)."""

import pytest

from newsletter.services import dispatch
from tests.accounts.test_signup import SIGNUP
from tests.factories.accounts import UserFactory
from tests.factories.events import EventFactory
from tests.factories.newsletter import SubscriberFactory
from tests.interop import validators
from tests.newsletter.test_views import FOOTER_POST

pytestmark = pytest.mark.django_db


@pytest.fixture
def https_site(settings):
    settings.SITE_URL = "https://hub.example.org"


def test_sign_up_confirmation_passes_the_strict_parser(client, mailbox, https_site):
    client.post("/accounts/signup/", SIGNUP)
    [message] = mailbox.wait_for("ada@example.org")

    assert validators.email_errors(message.raw) == []


def test_password_reset_passes_the_strict_parser(client, mailbox, https_site):
    UserFactory(email="grace@example.org")

    client.post("/accounts/password/reset/", {"email": "grace@example.org"})
    [message] = mailbox.wait_for("grace@example.org")

    assert validators.email_errors(message.raw) == []


def test_newsletter_subscription_confirmation_passes_the_strict_parser(
    client, mailbox, https_site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/newsletter/", {**FOOTER_POST, "contact_fax": ""})
    [message] = mailbox.wait_for("ada@example.org")

    assert validators.email_errors(message.raw) == []


def test_event_digest_is_bulk_mail_that_passes_the_strict_parser(
    mailbox, django_capture_on_commit_callbacks, https_site
):
    EventFactory(title="Réparer ensemble — ein Abend für alle")
    SubscriberFactory(email="ada@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        dispatch.queue_digest()
    [message] = mailbox.received

    assert validators.email_errors(message.raw, bulk=True) == []
