"""Only the configured mail provider's webhook is mounted, and every URL under
/newsletter/webhooks/ answers 4xx to anything malformed, unauthenticated or unconfigured
(issue 16, item 3). The signed Mailgun calls that work are in test_bounces.py."""

import base64
import json

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from newsletter.models import Bounce
from tests.newsletter.test_bounces import BASIC_AUTH, mailgun_event

pytestmark = pytest.mark.django_db

OTHER_PROVIDERS = [
    "/newsletter/webhooks/postal/tracking/",
    "/newsletter/webhooks/mandrill/",
    "/newsletter/webhooks/mailersend/tracking/",
    "/newsletter/webhooks/unisender_go/tracking/",
    "/newsletter/webhooks/brevo/tracking/",
    "/newsletter/webhooks/sendinblue/tracking/",
    "/newsletter/webhooks/mailtrap/tracking/",
    "/newsletter/webhooks/resend/inbound/",
    "/newsletter/webhooks/amazon_ses/tracking/",
    "/newsletter/webhooks/mailgun/inbound/",
]


def mounted_webhook_urls():
    """Every URL the site mounts under /newsletter/webhooks/ (English, unprefixed)."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and "webhooks/" in route:
                found.append("/" + route.replace("en/", "", 1).removeprefix("/"))

    walk(get_resolver().url_patterns, "")
    return found


def bodies():
    bad_signature = mailgun_event("complained", "ada@example.org", key=b"not-the-key")
    return {"object": {}, "array": [], "bad signature": bad_signature, "scalar": 7}


@pytest.fixture
def anyone():
    return Client(raise_request_exception=False)


def test_only_the_configured_providers_tracking_webhook_is_mounted():
    assert mounted_webhook_urls() == ["/newsletter/webhooks/mailgun/tracking/"]


@pytest.mark.parametrize("url", OTHER_PROVIDERS)
def test_other_providers_webhooks_are_not_there(anyone, url):
    response = anyone.post(
        url, "{}", content_type="application/json", HTTP_AUTHORIZATION=BASIC_AUTH
    )

    assert response.status_code == 404


@pytest.mark.parametrize("auth", [BASIC_AUTH, ""], ids=["authenticated", "anonymous"])
@pytest.mark.parametrize("body", bodies().keys())
def test_every_webhook_answers_4xx_to_malformed_calls(anyone, body, auth):
    for url in mounted_webhook_urls():
        response = anyone.post(
            url,
            json.dumps(bodies()[body]),
            content_type="application/json",
            HTTP_AUTHORIZATION=auth,
        )

        assert 400 <= response.status_code < 500, (url, response.status_code)
    assert Bounce.objects.count() == 0


@pytest.mark.parametrize(
    "raw",
    [b"not json", b"\xff\xfe", b'{"signature": [], "event-data": 1}', b'{"signature": {}}'],
)
def test_the_authenticated_webhook_refuses_bodies_of_the_wrong_shape(anyone, raw):
    response = anyone.post(
        "/newsletter/webhooks/mailgun/tracking/",
        raw,
        content_type="application/json",
        HTTP_AUTHORIZATION=BASIC_AUTH,
    )

    # anymail reports some as a failed signature check (403), the rest are 400s of ours
    assert response.status_code in (400, 403)


def test_a_wrong_password_is_refused_as_unauthenticated(anyone):
    wrong = "Basic " + base64.b64encode(b"test-webhook:guess").decode()
    body = json.dumps(mailgun_event("complained", "ada@example.org"))

    response = anyone.post(
        "/newsletter/webhooks/mailgun/tracking/",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=wrong,
    )

    assert response.status_code == 403
