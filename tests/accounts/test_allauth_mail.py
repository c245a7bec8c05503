"""allauth's messages (reset, unknown account, already exists) take the hub's one e-mail path:
branded subject, a plain-text and an HTML part, the site's name and never the request's host."""

import pytest

from tests.factories.accounts import UserFactory
from tests.support.mail import link_containing, text_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


def test_password_reset_is_branded_and_multipart(client, mailbox):
    UserFactory(email="grace@example.org")

    client.post("/accounts/password/reset/", {"email": "grace@example.org"})

    [message] = mailbox.wait_for("grace@example.org")
    assert message["Subject"] == "[DSI Hub] Reset your password"
    assert text_of(message).split()[:5] == ["Hello,", "Someone,", "probably", "you,", "asked"]
    link = link_containing(message, "/accounts/password/reset/key/")
    assert f'href="{link}"' in html_of(message)
    assert "Hello from" not in text_of(message)


def test_reset_for_an_unknown_address_offers_to_sign_up(client, mailbox):
    client.post("/accounts/password/reset/", {"email": "nobody@example.org"})

    [message] = mailbox.wait_for("nobody@example.org")
    assert message["Subject"] == "[DSI Hub] No account with this address"
    assert link_containing(message, "/accounts/signup/")
    assert "DSI Hub" in html_of(message)


def test_signing_up_twice_tells_the_holder_to_reset_instead(client, mailbox):
    UserFactory(email="ines@example.org")

    client.post(
        "/accounts/signup/",
        {
            "first_name": "Inès",
            "last_name": "M",
            "email": "ines@example.org",
            "password1": "a-sturdy-passphrase-for-2026",
            "password2": "a-sturdy-passphrase-for-2026",
            "accept_terms": "on",
        },
    )

    [message] = mailbox.wait_for("ines@example.org")
    assert message["Subject"] == "[DSI Hub] You already have an account"
    assert "there is already an account with this address" in text_of(message)
    assert link_containing(message, "/accounts/password/reset/")
