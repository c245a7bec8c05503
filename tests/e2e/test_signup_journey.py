"""A new visitor signs up, verifies their e-mail from the message that really arrived, logs in
and out — in Chromium, against the live server, with axe checks on the pages they see."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import assert_accessible
from tests.support.mail import links_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-sturdy-passphrase-for-2026"


def test_visitor_signs_up_verifies_logs_in_and_out(page, mailbox, live_server):
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("link", name="Sign up").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sign up")
    assert_accessible(page)
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Lovelace")
    page.get_by_label("Email").fill("ada@example.org")
    page.get_by_label("Password (required)", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again) (required)", exact=True).fill(PASSWORD)
    page.get_by_label("I accept the terms").check()
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")
    [message] = mailbox.wait_for("ada@example.org")
    [link] = [link for link in links_in(message) if "/accounts/confirm-email/" in link]
    assert link.startswith(live_server.url)

    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    assert_accessible(page)
    page.get_by_label("Email").fill("ada@example.org")
    page.get_by_label("Password (required)", exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()

    expect(page.locator("header .account-name")).to_have_text("Ada Lovelace")
    page.get_by_role("button", name="Log out").click()

    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    expect(page.locator("header .account-name")).to_have_count(0)
