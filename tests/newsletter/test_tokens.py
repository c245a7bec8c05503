"""Signed links: each works for its own purpose and subscriber only; anything else gets the
clear 400 page, never a 500 and never someone else's address."""

import time

import pytest
from django.core import signing

from newsletter.choices import SubscriberStatus
from newsletter.tokens import InvalidToken, make_token, read_token, subscriber_for
from tests.factories.newsletter import SubscriberFactory

pytestmark = pytest.mark.django_db

EIGHT_DAYS = 8 * 24 * 3600
SIX_DAYS = 6 * 24 * 3600

URL = {
    "confirm": "/newsletter/confirm/{}/",
    "preferences": "/newsletter/preferences/{}/",
    "unsubscribe": "/newsletter/unsubscribe/{}/",
}


class SignerAt(signing.TimestampSigner):
    """Signs as if it were `seconds_ago` seconds ago."""

    def __init__(self, seconds_ago, **kwargs):
        self.seconds_ago = seconds_ago
        super().__init__(**kwargs)

    def timestamp(self):
        return signing.b62_encode(int(time.time() - self.seconds_ago))


def confirm_token_signed(subscriber, seconds_ago):
    return SignerAt(seconds_ago, salt="newsletter.confirm").sign(subscriber.key.hex)


def tampered(token):
    """The same token with one character of the subscriber key changed."""
    value, rest = token.split(":", 1)
    swapped = "0" if value[0] != "0" else "1"
    return f"{swapped}{value[1:]}:{rest}"


@pytest.mark.parametrize("purpose", ["confirm", "preferences", "unsubscribe"])
def test_token_reads_back_its_subscriber(purpose):
    subscriber = SubscriberFactory()

    assert subscriber_for(make_token(subscriber, purpose), purpose) == subscriber


@pytest.mark.parametrize("purpose", ["confirm", "preferences", "unsubscribe"])
def test_tampered_token_is_refused(purpose):
    token = make_token(SubscriberFactory(), purpose)

    with pytest.raises(InvalidToken):
        read_token(tampered(token), purpose)


@pytest.mark.parametrize(
    ("made_for", "used_for"),
    [
        ("preferences", "confirm"),
        ("unsubscribe", "preferences"),
        ("confirm", "unsubscribe"),
        ("unsubscribe", "confirm"),
        ("preferences", "unsubscribe"),
        ("confirm", "preferences"),
    ],
)
def test_token_of_another_purpose_is_refused(made_for, used_for):
    token = make_token(SubscriberFactory(), made_for)

    with pytest.raises(InvalidToken):
        read_token(token, used_for)


def test_confirmation_token_works_for_seven_days_only():
    subscriber = SubscriberFactory(status=SubscriberStatus.PENDING)

    assert read_token(confirm_token_signed(subscriber, SIX_DAYS), "confirm") == subscriber.key
    with pytest.raises(InvalidToken):
        read_token(confirm_token_signed(subscriber, EIGHT_DAYS), "confirm")


def test_token_signed_with_another_secret_is_refused(settings):
    subscriber = SubscriberFactory()
    token = signing.Signer(key="not-our-secret", salt="newsletter.preferences").sign(
        subscriber.key.hex
    )

    with pytest.raises(InvalidToken):
        read_token(token, "preferences")


def test_signed_value_that_is_not_a_key_is_refused():
    token = signing.Signer(salt="newsletter.preferences").sign("not-a-uuid")

    with pytest.raises(InvalidToken):
        read_token(token, "preferences")


def test_token_of_a_deleted_subscriber_is_refused():
    subscriber = SubscriberFactory()
    token = make_token(subscriber, "preferences")
    subscriber.delete()

    with pytest.raises(InvalidToken):
        subscriber_for(token, "preferences")


def bad_tokens():
    """(description, purpose, token factory taking the victim subscriber)."""
    for purpose in URL:
        yield "garbage", purpose, lambda s, p=purpose: "not-a-token"
        yield "empty key", purpose, lambda s, p=purpose: ":abc"
        yield "tampered", purpose, lambda s, p=purpose: tampered(make_token(s, p))
        others = [other for other in URL if other != purpose]
        for other in others:
            yield f"{other} token", purpose, lambda s, o=other: make_token(s, o)
    yield "expired", "confirm", lambda s: confirm_token_signed(s, EIGHT_DAYS)


@pytest.mark.parametrize(
    ("what", "purpose", "token_for"),
    list(bad_tokens()),
    ids=lambda v: v if isinstance(v, str) else "",
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_bad_link_gets_the_clear_400_page(client, what, purpose, token_for, method):
    victim = SubscriberFactory(email="victim@example.org", status=SubscriberStatus.PENDING)
    url = URL[purpose].format(token_for(victim))

    response = getattr(client, method)(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 400, what
    assert "This link does not work" in response.text
    assert "victim@example.org" not in response.text
    victim.refresh_from_db()
    assert victim.status == SubscriberStatus.PENDING
    assert victim.consents.count() == 0


def test_expired_confirmation_link_says_it_may_have_expired(client):
    subscriber = SubscriberFactory(status=SubscriberStatus.PENDING)

    response = client.get(URL["confirm"].format(confirm_token_signed(subscriber, EIGHT_DAYS)))

    assert response.status_code == 400
    assert "confirmation links work for 7 days" in response.text


@pytest.mark.parametrize("action", ["resubscribe", "forget"])
def test_bad_link_on_preference_actions_changes_nothing(client, action):
    victim = SubscriberFactory(status=SubscriberStatus.UNSUBSCRIBED)
    token = tampered(make_token(victim, "preferences"))

    response = client.post(f"/newsletter/preferences/{token}/{action}/")

    assert response.status_code == 400
    victim.refresh_from_db()
    assert victim.status == SubscriberStatus.UNSUBSCRIBED


def test_confirmation_link_of_an_unsubscribed_address_does_not_resubscribe(client):
    subscriber = SubscriberFactory(status=SubscriberStatus.UNSUBSCRIBED)

    response = client.post(URL["confirm"].format(make_token(subscriber, "confirm")))

    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
