import pytest
from django.contrib.auth import get_user_model

from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.support.mail import links_in

User = get_user_model()

SIGNUP = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "email": "ada@example.org",
    "password1": "correct-horse-battery-staple-9",
    "password2": "correct-horse-battery-staple-9",
    "accept_terms": "on",
}

pytestmark = pytest.mark.django_db


def test_signup_creates_user_with_terms_timestamp_and_sends_verification(client, mailbox):
    response = client.post("/accounts/signup/", SIGNUP, follow=True)

    user = User.objects.get(email="ada@example.org")
    assert user.get_full_name() == "Ada Lovelace"
    assert user.accepted_terms_at is not None
    assert response.redirect_chain[-1][0] == "/accounts/confirm-email/"
    [message] = mailbox.wait_for("ada@example.org")
    assert any("/accounts/confirm-email/" in link for link in links_in(message))


def test_signup_without_accepting_terms_explains_and_keeps_input(client, mailbox):
    response = client.post("/accounts/signup/", {**SIGNUP, "accept_terms": ""})

    assert response.status_code == 200
    assert "You need to accept the terms to create an account." in response.text
    assert 'value="ada@example.org"' in response.text
    assert 'value="Lovelace"' in response.text
    assert not User.objects.filter(email="ada@example.org").exists()
    assert mailbox.messages == []


def test_signup_with_honeypot_filled_creates_nobody(client, mailbox):
    client.post("/accounts/signup/", {**SIGNUP, "website": "http://spam.example"})

    assert not User.objects.filter(email="ada@example.org").exists()
    assert mailbox.messages == []


def test_unverified_user_cannot_log_in_until_verified(client, mailbox):
    UserFactory(email="new@example.org", verified=False)

    response = client.post(
        "/accounts/login/", {"login": "new@example.org", "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert len(mailbox.wait_for("new@example.org")) == 1


def test_verified_user_logs_in_with_email_and_sees_their_name(client):
    UserFactory(email="grace@example.org", first_name="Grace", last_name="Hopper")

    client.post("/accounts/login/", {"login": "grace@example.org", "password": DEFAULT_PASSWORD})
    response = client.get("/")

    assert "Grace Hopper" in response.text


def test_wrong_password_shows_an_error_on_the_form(client):
    UserFactory(email="grace@example.org")

    response = client.post("/accounts/login/", {"login": "grace@example.org", "password": "nope"})

    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.text


def test_repeated_failed_logins_are_rate_limited(client):
    UserFactory(email="grace@example.org")
    for _ in range(5):
        client.post("/accounts/login/", {"login": "grace@example.org", "password": "nope"})

    response = client.post(
        "/accounts/login/", {"login": "grace@example.org", "password": DEFAULT_PASSWORD}
    )

    assert "Too many failed login attempts" in response.text
    assert "_auth_user_id" not in client.session
