"""A visitor subscribes from the home page's footer form, confirms from the e-mail that really
arrived (opening the link shows a button; only the button confirms), chooses clusters in the
preference centre reached from the welcome e-mail, receives an issue and leaves with the
unsubscribe page's button — in Chromium, against the live server, with axe on the newsletter
pages. The same pages work with JavaScript off (plain forms)."""

import pytest
from playwright.sync_api import expect

from newsletter.choices import SubscriberStatus
from newsletter.models import Subscriber
from newsletter.services import dispatch
from tests.factories.clusters import ClusterFactory
from tests.factories.newsletter import NewsletterIssueFactory
from tests.support.browser import assert_accessible
from tests.support.mail import link_containing

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _site(settings, live_server):
    settings.SITE_URL = live_server.url


def heading(tab):
    return tab.get_by_role("heading", level=1)


def test_visitor_subscribes_confirms_chooses_clusters_and_unsubscribes(page, mailbox):
    ClusterFactory(title="Open data")
    ClusterFactory(title="Civic tech")
    page.goto("/")
    assert_accessible(page)
    footer = page.locator("footer")
    footer.get_by_label("Your e-mail address").fill("Ada Lovelace <Ada@Example.org>")
    footer.get_by_label("I agree that DSI Hub sends me").check()
    footer.get_by_role("button", name="Subscribe").click()

    expect(heading(page)).to_have_text("Check your inbox")
    [confirmation] = mailbox.wait_for("ada@example.org")
    page.goto(link_containing(confirmation, "/newsletter/confirm/"))
    expect(heading(page)).to_have_text("Confirm your subscription")
    assert_accessible(page)
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING  # opening it is not enough
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(heading(page)).to_have_text("You are subscribed")

    [_confirmation, welcome] = mailbox.wait_for("ada@example.org", count=2)
    page.goto(link_containing(welcome, "/newsletter/preferences/"))
    expect(heading(page)).to_have_text("Your newsletter preferences")
    assert_accessible(page)
    page.get_by_role("group", name="Clusters").get_by_label("Open data").check()
    page.get_by_role("button", name="Save preferences").click()

    expect(page.get_by_text("Your preferences are saved.")).to_be_visible()
    subscriber = Subscriber.objects.get()
    assert list(subscriber.clusters.values_list("title", flat=True)) == ["Open data"]
    assert subscriber.status == SubscriberStatus.ACTIVE

    dispatch.send_issue_now(NewsletterIssueFactory(subject="November in DSI"))
    [issue] = [
        m for m in mailbox.wait_for("ada@example.org", count=3) if "November" in m["Subject"]
    ]
    page.goto(link_containing(issue, "/newsletter/unsubscribe/"))
    expect(heading(page)).to_have_text("Unsubscribe")
    assert_accessible(page)
    page.get_by_role("main").get_by_role("button", name="Unsubscribe").click()

    expect(heading(page)).to_have_text("You are unsubscribed")
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED

    page.goto("/newsletter/archive/")
    expect(page.get_by_role("link", name="November in DSI")).to_be_visible()
    assert_accessible(page)
    page.goto(link_containing(welcome, "/newsletter/preferences/"))
    expect(page.get_by_role("heading", name="You are unsubscribed")).to_be_visible()
    assert_accessible(page)


def test_subscribe_page_is_accessible_and_says_what_is_missing(page):
    page.goto("/newsletter/")
    assert_accessible(page)
    main = page.get_by_role("main")
    main.get_by_label("Your e-mail address").fill("ada@example.org")
    main.get_by_role("button", name="Subscribe").click()

    error = main.locator(".form-field--invalid").get_by_text("Tick this box to subscribe")
    expect(error).to_be_visible()
    expect(main.get_by_label("Your e-mail address")).to_have_value("ada@example.org")
    assert_accessible(page)


def test_subscribing_and_confirming_work_without_javascript(new_tab, mailbox):
    tab = new_tab(javascript=False)
    tab.goto("/newsletter/")
    main = tab.get_by_role("main")
    main.get_by_label("Your e-mail address").fill("grace@example.org")
    main.get_by_label("A weekly digest of upcoming events").check()
    main.get_by_label("I agree that DSI Hub sends me").check()
    main.get_by_role("button", name="Subscribe").click()

    expect(heading(tab)).to_have_text("Check your inbox")
    [confirmation] = mailbox.wait_for("grace@example.org")
    tab.goto(link_containing(confirmation, "/newsletter/confirm/"))
    tab.get_by_role("button", name="Confirm my subscription").click()
    expect(heading(tab)).to_have_text("You are subscribed")
    tab.get_by_role("link", name="Choose clusters, countries and language").click()
    tab.get_by_label("Weekly event digest").uncheck()
    tab.get_by_role("button", name="Save preferences").click()

    expect(tab.get_by_text("Your preferences are saved.")).to_be_visible()
    subscriber = Subscriber.objects.get()
    assert (subscriber.status, subscriber.wants_digest) == (SubscriberStatus.ACTIVE, False)

    tab.get_by_role("button", name="Unsubscribe from everything").click()
    expect(heading(tab)).to_have_text("You are unsubscribed")
    tab.get_by_role("link", name="Changed your mind? Manage your subscription").click()
    tab.get_by_role("button", name="Subscribe again").click()
    expect(tab.get_by_text("Welcome back: you are subscribed again.")).to_be_visible()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
