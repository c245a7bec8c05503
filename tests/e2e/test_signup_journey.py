"""A new visitor signs up, verifies their e-mail from the message that really arrived, logs in
and out — in Chromium, against the live server, with axe checks on the pages they see."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import assert_accessible
from tests.support.mail import link_containing, links_in, text_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-sturdy-passphrase-for-2026"


def sign_up_as_ada(page):
    """Fill in and send the sign-up form as Ada Lovelace, ada@example.org."""
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Lovelace")
    page.get_by_label("Email").fill("ada@example.org")
    page.get_by_label("Password (required)", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again) (required)", exact=True).fill(PASSWORD)
    page.get_by_label("I accept the terms").check()
    page.get_by_role("button", name="Create account").click()


def test_visitor_signs_up_verifies_logs_in_and_out(page, mailbox, live_server):
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("link", name="Sign up").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sign up")
    assert_accessible(page)
    sign_up_as_ada(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")
    [message] = mailbox.wait_for("ada@example.org")
    [link] = [link for link in links_in(message) if "/accounts/confirm-email/" in link]
    assert link.startswith(live_server.url)

    assert message["Subject"] == "[DSI Hub] Confirm your e-mail address"
    assert message.get_body(preferencelist=("html",)) is not None  # multipart, like every message
    assert "127.0.0.1" not in text_of(message).split(link)[0]  # no "Hello from <host>!"
    assert "Welcome to the DSI Hub" in text_of(message)

    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(f"{live_server.url}/dashboard/")
    expect(page.locator("header .site-header__wide .account-name")).to_have_text("Ada Lovelace")
    assert_accessible(page)
    page.get_by_role("button", name="Log out").click()

    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    expect(page.locator("header .site-header__wide .account-name")).to_have_count(0)


def test_confirming_in_another_browser_asks_to_log_in_then_lands_on_the_dashboard(
    new_tab, mailbox, live_server
):
    signup = new_tab()
    signup.goto("/accounts/signup/")
    sign_up_as_ada(signup)
    [message] = mailbox.wait_for("ada@example.org")
    link = link_containing(message, "/accounts/confirm-email/")

    elsewhere = new_tab()  # another browser: the pending login is not in its session
    elsewhere.goto(link)
    elsewhere.get_by_role("button", name="Confirm").click()

    expect(elsewhere.get_by_role("heading", level=1)).to_have_text("Log in")
    assert_accessible(elsewhere)
    elsewhere.get_by_label("Email").fill("ada@example.org")
    elsewhere.get_by_label("Password (required)", exact=True).fill(PASSWORD)
    elsewhere.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(elsewhere).to_have_url(f"{live_server.url}/dashboard/")
