"""An editor composes the monthly issue in the Wagtail admin, previews it, sends a test that
arrives at the SMTP sink, is refused "Send now" while the issue has no sections, fills them
with "Start from this month's content", and schedules it, in Chromium (no
Content-Security-Policy violation on the way: tests.support.browser fails the test otherwise)."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from newsletter.choices import IssueStatus
from newsletter.models import NewsletterIssue
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.listings import OrganisationFactory
from tests.factories.newsletter import SubscriberFactory
from tests.support.browser import assert_accessible
from tests.support.mail import text_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def editor_tab(page):
    UserFactory(email="editor@example.org", first_name="Eddie", groups=["Editors"])
    page.goto("/admin/")
    page.get_by_label("Email").fill("editor@example.org")
    page.get_by_label("Password (required)", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page).to_have_title(re.compile("^Dashboard"))
    return page


def compose(page):
    page.goto("/admin/snippets/newsletter/newsletterissue/add/")
    page.get_by_role("textbox", name="Subject").fill("DSI newsletter, December 2026")
    page.get_by_role("textbox", name="Period from").fill("2026-11-01")
    page.keyboard.press("Escape")
    page.get_by_role("textbox", name="Period to").fill("2026-11-30")
    page.keyboard.press("Escape")
    intro = page.locator(".Draftail-Editor [contenteditable=true]").first
    intro.click()
    intro.press_sequentially("Welcome to the December issue.")
    expect(page.locator("input[name=intro]")).to_have_value(re.compile("Welcome to the December"))
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("created")
    return NewsletterIssue.objects.get()


def refuse_to_send_while_empty(page, issue):
    """The issue has no sections yet: "Send now" says so and offers no button that sends."""
    SubscriberFactory(email="reader@example.org")
    page.get_by_role("link", name="Send now").click()
    main = page.get_by_role("main")
    expect(main.get_by_role("alert")).to_contain_text("This issue has no sections")
    expect(main.get_by_role("button", name="Yes, send it now")).to_have_count(0)
    assert_accessible(page)
    issue.refresh_from_db()
    assert (issue.status, issue.deliveries.count()) == (IssueStatus.DRAFT, 0)


def start_from_the_months_content(page, issue):
    """From the refusal, "Start from this month's content" fills the sections with the period's
    content, and the editor lands on the form with them."""
    OrganisationFactory(
        name="Open Commons", first_published_at=dt.datetime(2026, 11, 12, tzinfo=dt.UTC)
    )
    page.get_by_role("link", name="Start from this month's content").click()
    expect(page.get_by_role("main")).to_contain_text("published from Nov. 1, 2026 to Nov. 30")
    page.get_by_role("main").get_by_role("button", name="Start from this month's content").click()
    expect(page.locator(".messages")).to_contain_text("now holds this period’s content")
    expect(page.get_by_role("spinbutton", name="New organisations")).to_have_value("1")
    issue.refresh_from_db()
    assert [block.block_type for block in issue.sections] == ["new_listings"]


def test_editor_composes_previews_tests_and_schedules_an_issue(editor_tab, mailbox):
    page = editor_tab

    issue = compose(page)
    page.goto(f"/admin/snippets/newsletter/newsletterissue/edit/{issue.pk}/")
    page.get_by_role("link", name="Sending").click()
    expect(page.locator("[data-issue-status]")).to_have_text("Draft")

    with page.context.expect_page() as preview_tab:
        page.get_by_role("link", name="E-mail (HTML)").click()
    preview = preview_tab.value
    expect(preview.get_by_role("heading", level=1)).to_have_text("DSI newsletter, December 2026")
    expect(preview.get_by_text("Welcome to the December issue.")).to_be_visible()
    preview.close()

    page.get_by_role("link", name="Send a test").click()
    expect(page.get_by_label("Send the test to")).to_have_value("editor@example.org")
    page.get_by_label("Send the test to").fill("proof@example.net")
    page.get_by_role("button", name="Send the test").click()
    expect(page.locator(".messages")).to_contain_text("is on its way to proof@example.net")
    [test] = mailbox.wait_for("proof@example.net")
    assert test["Subject"] == "[Test] DSI newsletter, December 2026"
    assert "Welcome to the December issue." in text_of(test)

    refuse_to_send_while_empty(page, issue)
    start_from_the_months_content(page, issue)

    page.get_by_role("link", name="Sending").click()
    page.get_by_role("link", name="Schedule").click()
    page.get_by_label("Send at").fill("2020-01-01T09:00")
    page.get_by_role("button", name="Schedule").click()
    expect(page.get_by_text("Choose a time in the future")).to_be_visible()
    send_at = timezone.localtime() + dt.timedelta(days=5)
    page.get_by_label("Send at").fill(send_at.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Schedule").click()

    expect(page.locator("[data-issue-status]")).to_have_text("Scheduled")
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED
    assert issue.send_at == send_at.replace(second=0, microsecond=0)
    assert re.fullmatch(r'<p data-block-key="\w+">Welcome to the December issue.</p>', issue.intro)
