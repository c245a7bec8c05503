"""A member fills in their public profile in Chromium, sees it as others do, and chooses to show
their e-mail address — with axe checks on the profile form, the public profile and the dashboard."""

import pytest
from playwright.sync_api import expect

from tests.factories.accounts import UserFactory
from tests.support.browser import assert_accessible
from tests.support.journeys import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCRIPT_BIO = "I build <script>alert('pwned')</script> tools for food banks."


def save_profile(page):
    page.get_by_role("button", name="Save my profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your profile has been saved.")


def test_member_edits_profile_and_chooses_to_show_email(page):
    UserFactory(email="ada@example.org", first_name="Ada", last_name="Lovelace")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, "ada@example.org")

    page.goto("/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your dashboard")
    assert_accessible(page)
    page.get_by_role("link", name="Edit my profile").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Edit my profile")
    assert_accessible(page)
    page.get_by_label("Job title").fill("Community organiser")
    page.get_by_label("About me").fill(SCRIPT_BIO)
    page.get_by_label("Skills").fill("open data, cooking")
    page.get_by_label("French").check()
    save_profile(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Ada Lovelace")
    expect(page.get_by_text("Community organiser")).to_be_visible()
    expect(page.get_by_text(SCRIPT_BIO)).to_be_visible()
    expect(page.get_by_text("ada@example.org")).to_have_count(0)
    assert dialogs == []
    assert_accessible(page)
    profile_url = page.url

    page.get_by_role("link", name="Edit my profile").click()
    page.get_by_label("Show my e-mail address on my public profile").check()
    save_profile(page)

    expect(page.get_by_role("link", name="ada@example.org")).to_have_attribute(
        "href", "mailto:ada@example.org"
    )
    assert page.url == profile_url


def test_profile_form_shows_errors_next_to_the_field_and_keeps_input(page):
    UserFactory(email="grace@example.org", first_name="Grace")
    log_in(page, "grace@example.org")

    page.goto("/account/profile/")
    page.get_by_label("Job title").fill("Rear admiral")
    page.get_by_label("City").fill("Nowhereville")
    page.get_by_role("button", name="Save my profile").click()

    expect(page.get_by_role("alert")).to_contain_text("City: Choose the country your city is in.")
    expect(page.get_by_label("Job title")).to_have_value("Rear admiral")
    expect(page.get_by_label("City")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
