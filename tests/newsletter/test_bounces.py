"""Bounces and complaints arrive from Mailgun's tracking webhook (through anymail, signature and
basic auth checked): hard bounces and complaints stop mail at once, three soft bounces in 30
days too, a forged call changes nothing and a replayed event counts once."""

import base64
import datetime as dt
import hashlib
import hmac
import json
import uuid

import pytest
from django.utils import timezone

from newsletter.choices import BounceKind, ConsentAction, DeliveryStatus, SubscriberStatus
from newsletter.models import Bounce, Delivery
from newsletter.services import dispatch
from tests.factories.newsletter import NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

WEBHOOK = "/newsletter/webhooks/mailgun/tracking/"
SIGNING_KEY = b"test-signing-key"  # the Makefile's ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY
BASIC_AUTH = "Basic " + base64.b64encode(b"test-webhook:test-secret").decode()


def mailgun_event(event, recipient, *, severity=None, token=None, message_id="", key=SIGNING_KEY):
    """A Mailgun tracking webhook body, signed as Mailgun signs it."""
    timestamp, token = str(int(timezone.now().timestamp())), token or uuid.uuid4().hex
    data = {
        "event": event,
        "recipient": recipient,
        "timestamp": timezone.now().timestamp(),
        "delivery-status": {"description": "Mailbox unavailable", "message": "550 5.1.1"},
        "message": {"headers": {"message-id": message_id}},
    }
    if severity:
        data["severity"] = severity
    signature = hmac.new(key, f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return {
        "signature": {"timestamp": timestamp, "token": token, "signature": signature},
        "event-data": data,
    }


def post(client, body, *, auth=BASIC_AUTH):
    return client.post(
        WEBHOOK, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=auth
    )


@pytest.fixture
def reader():
    return SubscriberFactory(email="ada@example.org")


def test_hard_bounce_stops_mail_at_once(client, reader):
    response = post(client, mailgun_event("failed", "Ada@Example.org", severity="permanent"))

    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.BOUNCED
    assert reader.bounces.get().kind == BounceKind.HARD
    assert reader.consents.get().action == ConsentAction.BOUNCE
    assert dispatch.queue_issue_deliveries(NewsletterIssueFactory(), timezone.now()) == 0


def test_complaint_stops_mail_at_once(client, reader):
    post(client, mailgun_event("complained", "ada@example.org"))

    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.COMPLAINED
    assert reader.consents.get().action == ConsentAction.COMPLAINT


def test_hard_bounce_marks_its_delivery_bounced(client, reader):
    issue = NewsletterIssueFactory()
    delivery = Delivery.objects.create(
        kind="issue",
        issue=issue,
        subscriber=reader,
        status=DeliveryStatus.SENT,
        message_id="abc@hub.test",
    )

    post(
        client,
        mailgun_event("failed", reader.email, severity="permanent", message_id="abc@hub.test"),
    )

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.BOUNCED


def test_three_soft_bounces_in_thirty_days_stop_mail(client, reader):
    for expected in ["active", "active", "bounced"]:
        post(client, mailgun_event("failed", reader.email, severity="temporary"))
        reader.refresh_from_db()
        assert reader.status == expected

    assert list(reader.bounces.values_list("kind", flat=True)) == [BounceKind.SOFT] * 3


def test_soft_bounces_older_than_thirty_days_do_not_count(client, reader):
    reader.confirmed_at = timezone.now() - dt.timedelta(days=90)
    reader.save()
    for days in (40, 35):
        Bounce.objects.create(
            subscriber=reader, kind=BounceKind.SOFT, at=timezone.now() - dt.timedelta(days=days)
        )

    post(client, mailgun_event("failed", reader.email, severity="temporary"))

    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.ACTIVE


def test_soft_bounces_before_a_new_confirmation_do_not_count(client, reader):
    for _n in range(2):
        Bounce.objects.create(
            subscriber=reader, kind=BounceKind.SOFT, at=timezone.now() - dt.timedelta(days=2)
        )
    reader.confirmed_at = timezone.now() - dt.timedelta(days=1)
    reader.save()

    post(client, mailgun_event("failed", reader.email, severity="temporary"))

    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.ACTIVE


def test_replayed_event_counts_once(client, reader):
    body = mailgun_event("failed", reader.email, severity="temporary", token="same-token")

    for _n in range(3):
        assert post(client, body).status_code == 200

    reader.refresh_from_db()
    assert (reader.status, reader.bounces.count()) == (SubscriberStatus.ACTIVE, 1)


@pytest.mark.parametrize(
    ("what", "body", "auth"),
    [
        ("wrong key", lambda: mailgun_event("complained", "ada@example.org", key=b"x"), BASIC_AUTH),
        ("no auth", lambda: mailgun_event("complained", "ada@example.org"), ""),
        (
            "wrong auth",
            lambda: mailgun_event("complained", "ada@example.org"),
            "Basic " + base64.b64encode(b"test-webhook:guess").decode(),
        ),
        ("made-up signature", lambda: _with_made_up_signature(), BASIC_AUTH),
    ],
)
def test_forged_call_is_refused_and_changes_nothing(client, reader, what, body, auth):
    response = post(client, body(), auth=auth)

    assert response.status_code in (400, 401, 403), what
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.ACTIVE
    assert Bounce.objects.count() == 0


def _with_made_up_signature():
    body = mailgun_event("complained", "ada@example.org")
    body["signature"]["signature"] = "0" * 64
    return body


def test_events_for_unknown_addresses_and_other_events_are_ignored(client, reader):
    post(client, mailgun_event("failed", "nobody@example.org", severity="permanent"))
    post(client, mailgun_event("delivered", reader.email))
    post(client, mailgun_event("opened", reader.email))

    reader.refresh_from_db()
    assert (reader.status, Bounce.objects.count()) == (SubscriberStatus.ACTIVE, 0)
