"""A visitor on a phone (390 px) opens the menu with the keyboard and reaches a section; the
pages whose look changed with the design tokens pass axe at phone and desktop widths."""

import pytest
from playwright.sync_api import expect

from tests.factories.listings import OrganisationFactory
from tests.support.browser import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def test_phone_visitor_opens_the_menu_with_the_keyboard_and_follows_a_link(page):
    page.set_viewport_size(PHONE)
    page.goto("/")
    wide_nav = page.locator(".site-header__nav")
    expect(wide_nav).to_be_hidden()
    toggle = page.get_by_text("Menu", exact=True)
    header_height = page.locator(".site-header").bounding_box()["height"]

    for _ in range(10):  # skip link, brand, then the menu button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('site-menu__toggle')"):
            break
    page.keyboard.press("Enter")

    assert header_height < 100  # one row: brand and the menu button, not three rows of links
    menu = page.locator(".site-menu__panel")
    expect(menu).to_be_visible()
    assert_accessible(page)
    menu.get_by_role("link", name="Organisations").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Organisations")).to_be_visible()
    expect(toggle).to_be_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_home_directory_and_error_pages_pass_axe(page, viewport):
    OrganisationFactory(name="Open Streets Lab")
    page.set_viewport_size(viewport)

    for path in ["/", "/organisations/", "/no-such-page/"]:
        page.goto(path)
        assert_accessible(page)
    expect(page.locator(".error-page__code")).to_have_text("404")
    expect(page.locator(".footer-links").get_by_role("link", name="Privacy")).to_be_visible()
