"""Steps that several browser journeys share."""

from playwright.sync_api import expect

from tests.factories.accounts import DEFAULT_PASSWORD
from tests.support.mail import link_containing


def log_in(tab, email, password=DEFAULT_PASSWORD):
    """Log in through the site's form and wait until the header shows the person's name."""
    tab.goto("/accounts/login/")
    tab.get_by_label("Email").fill(email)
    tab.get_by_label("Password (required)", exact=True).fill(password)
    tab.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(tab.locator("header .site-header__wide .account-name")).to_be_visible()


def sign_up_and_verify(tab, mailbox, *, first_name, last_name, email, password):
    """Sign up through the form, open the verification link from the e-mail that arrived and confirm
    (which signs the person in, in the browser that signed up). Leaves `tab` logged in."""
    tab.goto("/accounts/signup/")
    tab.get_by_label("First name").fill(first_name)
    tab.get_by_label("Last name").fill(last_name)
    tab.get_by_label("Email").fill(email)
    tab.get_by_label("Password (required)", exact=True).fill(password)
    tab.get_by_label("Password (again) (required)", exact=True).fill(password)
    tab.get_by_label("I accept the terms").check()
    tab.get_by_role("button", name="Create account").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")
    [message] = mailbox.wait_for(email)
    tab.goto(link_containing(message, "/accounts/confirm-email/"))
    tab.get_by_role("button", name="Confirm").click()  # same browser: signed in on confirming
    expect(tab.locator("header .site-header__wide .account-name")).to_have_text(
        f"{first_name} {last_name}"
    )
