import re

import pytest

from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.support.mail import links_in

pytestmark = pytest.mark.django_db


def test_password_reset_sends_a_working_link(client, mailbox):
    UserFactory(email="grace@example.org")

    client.post("/accounts/password/reset/", {"email": "grace@example.org"})
    [message] = mailbox.wait_for("grace@example.org")
    [link] = [link for link in links_in(message) if "/accounts/password/reset/key/" in link]
    form_page = client.get(link, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "a-brand-new-passphrase-7", "password2": "a-brand-new-passphrase-7"},
    )

    assert response.status_code == 302
    assert client.login(email="grace@example.org", password="a-brand-new-passphrase-7")


def test_password_change_requires_the_current_password(client):
    user = UserFactory(email="grace@example.org")
    client.force_login(user)

    response = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": "wrong",
            "password1": "another-passphrase-8",
            "password2": "another-passphrase-8",
        },
    )

    assert response.status_code == 200
    assert "Please type your current password." in response.text
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)


def test_no_username_is_asked_for_or_shown_at_signup(client):
    response = client.get("/accounts/signup/")

    assert 'name="username"' not in response.text
    assert re.search(r'name="email"', response.text)
