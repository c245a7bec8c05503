"""Editors write, preview, test, schedule and send the monthly issue in the Wagtail admin, and
read the subscriber list; nobody else gets in."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from newsletter.choices import DeliveryKind, DeliveryStatus, IssueStatus, SubscriberStatus
from newsletter.models import Delivery, NewsletterIssue, Subscriber
from tests.factories.accounts import UserFactory
from tests.factories.newsletter import NewsletterIssueFactory, SubscriberFactory
from tests.support.mail import text_of
from tests.support.people import login

pytestmark = pytest.mark.django_db

NO_PERMISSION = "Sorry, you do not have permission to access this area."


def issue_url(name, issue=None, *args):
    viewset = NewsletterIssue.snippet_viewset
    return reverse(viewset.get_url_name(name), args=[issue.pk, *args] if issue else [])


def subscriber_url(name, subscriber=None):
    viewset = Subscriber.snippet_viewset
    return reverse(viewset.get_url_name(name), args=[subscriber.pk] if subscriber else [])


def messages_on(response):
    return [str(message.message).strip() for message in response.context["messages"]]


def issue_form(issue=None, **fields):
    """What the edit form posts (StreamFields and rich text in Wagtail's form encoding)."""
    data = {
        "subject": issue.subject if issue else "",
        "preheader": issue.preheader if issue else "",
        "period_start": str(issue.period_start) if issue else "",
        "period_end": str(issue.period_end) if issue else "",
        "intro": rich_text(issue.intro if issue else ""),
        "body": streamfield([]),
        "sections": streamfield([]),
    }
    data.update(fields)
    return nested_form_data(data)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def deliver(issue, **statuses):
    """Delivery rows for `issue`, e.g. deliver(issue, queued=2, sent=1)."""
    for status, count in statuses.items():
        for subscriber in SubscriberFactory.create_batch(count):
            Delivery.objects.create(
                kind=DeliveryKind.ISSUE, issue=issue, subscriber=subscriber, status=status
            )


@pytest.fixture
def issue():
    return NewsletterIssueFactory(subject="DSI newsletter, November 2026")


@pytest.fixture
def cluster_lead():
    return UserFactory(email="lead@example.org", groups=["Cluster leads"])


# The list of issues -------------------------------------------------------------------------


def test_issue_list_shows_status_send_at_and_delivery_counts(client, editor, issue):
    issue.status, issue.send_at = IssueStatus.SENDING, timezone.now()
    issue.save()
    deliver(issue, queued=3, sent=5, failed=1, bounced=2)

    response = login(client, editor).get(issue_url("list"))

    [row] = soup(response).select("tbody tr")
    cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
    assert "DSI newsletter, November 2026" in cells[1]
    assert "Sending" in cells
    assert cells[-4:] == ["3", "5", "1", "2"]


@pytest.mark.parametrize("issues", [1, 3])
def test_issue_list_queries_do_not_grow_with_issues(
    client, editor, issues, django_assert_num_queries
):
    for _ in range(issues):
        deliver(NewsletterIssueFactory(), sent=2, queued=1)
    login(client, editor).get(issue_url("list"))  # warm the per-process caches

    # 13: the "Import resources" menu item asks once for the editor's groups (only editors import).
    with django_assert_num_queries(13):
        response = client.get(issue_url("list"))

    assert len(soup(response).select("tbody tr")) == issues


# Preview ----------------------------------------------------------------------------------


def test_preview_page_shows_the_issue_as_html_email(client, editor, issue):
    response = login(client, editor).get(issue_url("preview_page", issue, "html"))

    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "DSI newsletter, November 2026"
    assert "Hello from the DSI Hub team." in page.get_text()
    assert "style=" in response.content.decode()  # the CSS is inlined as in the e-mail


def test_preview_page_shows_the_issue_as_plain_text(client, editor, issue):
    response = login(client, editor).get(issue_url("preview_page", issue, "text"))

    text = soup(response).find("pre").get_text()
    assert text.startswith("DSI newsletter, November 2026")
    assert "Hello from the DSI Hub team." in text
    assert "<p>" not in text


def test_preview_page_of_an_unknown_mode_is_not_found(client, editor, issue):
    response = login(client, editor).get(issue_url("preview_page", issue, "pdf"))

    assert response.status_code == 404


@pytest.mark.parametrize(("mode", "expected"), [("html", "<h1"), ("text", "<pre>")])
def test_live_preview_panel_renders_unsaved_changes(client, editor, issue, mode, expected):
    login(client, editor)
    data = issue_form(issue, subject="Not saved yet")

    posted = client.post(issue_url("preview_on_edit", issue), data)
    response = client.get(issue_url("preview_on_edit", issue), {"mode": mode})

    assert posted.json()["is_valid"] is True
    assert expected in response.content.decode()
    assert "Not saved yet" in response.content.decode()
    assert "'unsafe-inline'" in response["Content-Security-Policy"].split("style-src")[1]


# The edit view ------------------------------------------------------------------------------


def test_edit_view_offers_the_issue_actions(client, editor, issue):
    response = login(client, editor).get(issue_url("edit", issue))

    links = {a.get_text(strip=True): a["href"] for a in soup(response).select("header a[href]")}
    assert links["Sending"] == issue_url("status", issue)
    assert links["Send a test"] == issue_url("send_test", issue)
    assert links["Schedule"] == issue_url("schedule", issue)
    assert links["Send now"] == issue_url("send_now", issue)
    assert links["Preview (plain text)"] == issue_url("preview_page", issue, "text")


def test_editor_saves_changes_to_a_draft(client, editor, issue):
    login(client, editor)
    data = issue_form(issue, subject="DSI newsletter: the November issue")

    client.post(issue_url("edit", issue), data)

    issue.refresh_from_db()
    assert issue.subject == "DSI newsletter: the November issue"
    assert issue.latest_revision.content["subject"] == "DSI newsletter: the November issue"


def test_editor_adds_an_issue_which_starts_as_a_draft(client, editor):
    login(client, editor)
    data = issue_form(subject="A special issue", period_start="2026-11-01", period_end="2026-11-30")

    client.post(issue_url("add"), data)

    issue = NewsletterIssue.objects.get()
    assert (issue.subject, issue.status, issue.send_at) == ("A special issue", "draft", None)


@pytest.mark.parametrize("status", [IssueStatus.SENDING, IssueStatus.SENT])
def test_sending_or_sent_issue_cannot_be_saved(client, editor, issue, status):
    login(client, editor)
    data = issue_form(issue, subject="Changed after sending")
    NewsletterIssue.objects.filter(pk=issue.pk).update(status=status)

    response = client.post(issue_url("edit", issue), data)

    issue.refresh_from_db()
    assert issue.subject == "DSI newsletter, November 2026"
    assert "can no longer be changed" in response.content.decode()


def test_edit_view_of_a_sent_issue_says_it_cannot_change(client, editor, issue):
    NewsletterIssue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENT)

    response = login(client, editor).get(issue_url("edit", issue))

    assert messages_on(response) == [
        "“DSI newsletter, November 2026” was sent; it can no longer be changed."
    ]
    labels = [a.get_text(strip=True) for a in soup(response).select("header a[href]")]
    assert "Send now" not in labels


# Status page ------------------------------------------------------------------------------


def test_status_page_shows_progress_and_refreshes_while_sending(client, editor, issue):
    NewsletterIssue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENDING)
    deliver(issue, queued=3, sent=4, failed=1)

    response = login(client, editor).get(issue_url("status", issue))

    page = soup(response)
    progress = page.find("progress")
    assert (progress["value"], progress["max"]) == ("5", "8")
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "5"
    assert [td.get_text() for td in page.select("table.listing td")] == ["3", "4", "1", "0", "0"]
    assert page.select_one("[data-issue-status]").get_text() == "Sending"
    assert page.select("main script") == []  # no inline script (CSP)


def test_status_page_of_a_draft_counts_future_recipients_without_refreshing(client, editor, issue):
    SubscriberFactory.create_batch(2)
    SubscriberFactory(status=SubscriberStatus.PENDING)

    response = login(client, editor).get(issue_url("status", issue))

    page = soup(response)
    assert "2 subscribers" in page.select_one("dl").get_text(" ")
    assert page.find("progress") is None
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None


# Send a test --------------------------------------------------------------------------------


def test_send_test_form_offers_the_editors_address_and_language(client, issue):
    editor = UserFactory(email="redactrice@example.org", language="fr", groups=["Editors"])

    response = login(client, editor).get(issue_url("send_test", issue))

    form = response.context["form"]
    assert form.initial == {"address": "redactrice@example.org", "language": "fr"}


def test_send_test_arrives_through_the_outbox(client, editor, issue, mailbox):
    from post_office.models import Email

    response = login(client, editor).post(
        issue_url("send_test", issue),
        {"address": "proof@example.net", "language": "en"},
        follow=True,
    )

    assert messages_on(response) == [
        "A test of “DSI newsletter, November 2026” is on its way to proof@example.net."
    ]
    assert Email.objects.filter(to=["proof@example.net"]).count() == 1  # queued in the outbox
    [message] = mailbox.wait_for("proof@example.net")
    assert message["Subject"] == "[Test] DSI newsletter, November 2026"
    assert "Hello from the DSI Hub team." in text_of(message)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_send_test_rejects_an_invalid_address(client, editor, issue, mailbox):
    response = login(client, editor).post(
        issue_url("send_test", issue), {"address": "not an address", "language": "en"}
    )

    assert response.context["form"].errors == {"address": ["Enter a valid email address."]}
    assert "Enter a valid email address." in response.content.decode()
    assert mailbox.messages == []


# Schedule, unschedule, send now -------------------------------------------------------------


def test_editor_schedules_an_issue_for_later(client, editor, issue):
    later = timezone.localtime() + dt.timedelta(days=3)

    response = login(client, editor).post(
        issue_url("schedule", issue), {"send_at": later.strftime("%Y-%m-%dT%H:%M")}, follow=True
    )

    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED
    assert issue.send_at == later.replace(second=0, microsecond=0)
    assert messages_on(response)[0].startswith("“DSI newsletter, November 2026” is scheduled")
    assert soup(response).select_one("[data-issue-status]").get_text() == "Scheduled"


@pytest.mark.parametrize("send_at", ["2020-01-01T10:00", "", "tomorrow"])
def test_schedule_refuses_a_time_that_is_past_or_not_a_time(client, editor, issue, send_at):
    response = login(client, editor).post(issue_url("schedule", issue), {"send_at": send_at})

    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT
    [error] = response.context["form"].errors["send_at"]
    assert error in response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")


def test_schedule_refuses_a_past_time_with_a_clear_error(client, editor, issue):
    response = login(client, editor).post(
        issue_url("schedule", issue), {"send_at": "2020-01-01T10:00"}
    )

    assert response.context["form"].errors["send_at"] == [
        "Choose a time in the future; to send at once, use “Send now”."
    ]


def test_editor_unschedules_an_issue(client, editor, issue):
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status=IssueStatus.SCHEDULED, send_at=timezone.now() + dt.timedelta(days=1)
    )

    response = login(client, editor).post(issue_url("unschedule", issue), follow=True)

    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT
    assert messages_on(response) == [
        "“DSI newsletter, November 2026” is a draft again; it will not be sent."
    ]


def test_send_now_asks_for_confirmation_first(client, editor, issue):
    SubscriberFactory.create_batch(3)

    response = login(client, editor).get(issue_url("send_now", issue))

    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT
    text = soup(response).select_one("main").get_text(" ", strip=True)
    assert "Send “DSI newsletter, November 2026” now to 3 subscribers?" in text
    assert Delivery.objects.count() == 0


def test_send_now_sends_to_every_subscriber(
    client, editor, issue, mailbox, django_capture_on_commit_callbacks
):
    readers = SubscriberFactory.create_batch(2)
    SubscriberFactory(status=SubscriberStatus.UNSUBSCRIBED, email="gone@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, editor).post(issue_url("send_now", issue), follow=True)

    assert messages_on(response) == [
        "Sending “DSI newsletter, November 2026” to 2 subscribers has started."
    ]
    for reader in readers:
        [message] = mailbox.wait_for(reader.email)
        assert message["Subject"] == "DSI newsletter, November 2026"
    assert mailbox.to("gone@example.org") == []
    assert issue.deliveries.counts()[DeliveryStatus.SENT] == 2


@pytest.mark.parametrize("status", [IssueStatus.SENDING, IssueStatus.SENT])
@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("schedule", {"send_at": "2099-01-01T10:00"}),
        ("unschedule", {}),
        ("send_now", {}),
        ("send_test", {"address": "proof@example.net", "language": "en"}),
        ("fill_sections", {}),
    ],
)
def test_actions_are_refused_once_the_issue_is_sending_or_sent(
    client, editor, issue, status, action, data
):
    NewsletterIssue.objects.filter(pk=issue.pk).update(status=status)

    response = login(client, editor).post(issue_url(action, issue), data, follow=True)

    issue.refresh_from_db()
    assert issue.status == status
    assert issue.send_at is None
    assert messages_on(response)[0].endswith("it can no longer be changed.")
    assert response.redirect_chain[-1][0] == issue_url("status", issue)


@pytest.fixture
def empty_issue():
    return NewsletterIssueFactory(subject="Nothing yet", sections=[])


def test_send_now_of_an_issue_without_sections_offers_no_send_button(client, editor, empty_issue):
    SubscriberFactory()

    response = login(client, editor).get(issue_url("send_now", empty_issue))

    main = soup(response).select_one("main")
    assert "This issue has no sections, so it cannot be sent." in main.get_text(" ", strip=True)
    assert main.find("button", string="Yes, send it now") is None
    assert main.find("a", string="Start from this month's content")["href"] == issue_url(
        "fill_sections", empty_issue
    )


@pytest.mark.parametrize(
    ("action", "data"), [("send_now", {}), ("schedule", {"send_at": "2099-01-01T10:00"})]
)
def test_an_issue_without_sections_is_refused_with_a_clear_message(
    client, editor, empty_issue, mailbox, action, data
):
    SubscriberFactory()

    response = login(client, editor).post(issue_url(action, empty_issue), data, follow=True)

    assert messages_on(response) == [
        "“Nothing yet” has no sections, so it cannot be sent. Add sections, or use “Start "
        "from this month’s content”, then send it."
    ]
    empty_issue.refresh_from_db()
    assert (empty_issue.status, empty_issue.send_at) == (IssueStatus.DRAFT, None)
    assert Delivery.objects.count() == 0
    assert mailbox.messages == []


def test_fill_sections_asks_first_and_says_what_it_replaces(client, editor, issue):
    response = login(client, editor).get(issue_url("fill_sections", issue))

    text = soup(response).select_one("main").get_text(" ", strip=True)
    assert "published from Oct. 1, 2026 to Oct. 31, 2026" in text
    assert "This replaces the issue's 1 section." in text
    issue.refresh_from_db()
    assert [block.block_type for block in issue.sections] == ["new_listings"]


def test_fill_sections_fills_an_empty_draft_with_the_periods_content(client, editor):
    from tests.factories.listings import OrganisationFactory

    today = timezone.localdate()
    issue = NewsletterIssueFactory(
        sections=[], period_start=today.replace(day=1), period_end=today + dt.timedelta(days=1)
    )
    OrganisationFactory(name="Open Commons")

    response = login(client, editor).post(issue_url("fill_sections", issue), follow=True)

    issue.refresh_from_db()
    sections = {block.block_type: block.value for block in issue.sections}
    assert sections["new_listings"]["organisations"] == 1
    assert response.redirect_chain[-1][0] == issue_url("edit", issue)
    assert "now holds this period’s content" in messages_on(response)[0]
    assert '"organisations": 1' in issue.latest_revision.content["sections"]


def test_fill_sections_with_nothing_published_says_so(client, editor):
    issue = NewsletterIssueFactory(
        sections=[], period_start=dt.date(2001, 1, 1), period_end=dt.date(2001, 1, 31)
    )

    response = login(client, editor).post(issue_url("fill_sections", issue), follow=True)

    assert messages_on(response) == [
        "Nothing was published for this period; the sections are empty."
    ]


def test_sending_race_is_reported_not_crashed(client, editor, issue, monkeypatch):
    """The issue started sending between the page and the click."""
    from newsletter.services import dispatch

    def started_meanwhile(issue, **kwargs):
        NewsletterIssue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENDING)
        raise dispatch.IssueNotEditable(IssueStatus.SENDING)

    monkeypatch.setattr(dispatch, "schedule_issue", started_meanwhile)

    response = login(client, editor).post(
        issue_url("schedule", issue), {"send_at": "2099-01-01T10:00"}, follow=True
    )

    assert messages_on(response) == [
        "“DSI newsletter, November 2026” is being sent; it can no longer be changed."
    ]


# Who may do it ------------------------------------------------------------------------------

ACTION_URLS = [
    ("list", False, ()),
    ("add", False, ()),
    ("edit", True, ()),
    ("status", True, ()),
    ("preview_page", True, ("html",)),
    ("send_test", True, ()),
    ("schedule", True, ()),
    ("unschedule", True, ()),
    ("send_now", True, ()),
    ("fill_sections", True, ()),
]
POSTS = {
    "fill_sections": {},
    "send_test": {"address": "proof@example.net", "language": "en"},
    "schedule": {"send_at": "2099-01-01T10:00"},
    "send_now": {},
    "unschedule": {},
}


@pytest.fixture(params=["moderator", "staff", "cluster_lead", "stranger"])
def outsider(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize(("name", "needs_issue", "extra"), ACTION_URLS)
def test_people_who_are_not_editors_cannot_open_issue_pages(
    client, outsider, issue, name, needs_issue, extra
):
    url = issue_url(name, issue if needs_issue else None, *extra)

    response = login(client, outsider).get(url, follow=True)

    assert response.redirect_chain, f"{url} answered {response.status_code}"
    assert response.redirect_chain[-1][0] in {"/admin/", "/accounts/login/"} or (
        response.redirect_chain[-1][0].startswith(("/admin/login/", "/accounts/login/"))
    )
    assert "DSI newsletter, November 2026" not in response.content.decode()


@pytest.mark.parametrize("action", sorted(POSTS))
def test_people_who_are_not_editors_cannot_send_or_schedule(
    client, outsider, issue, action, mailbox
):
    SubscriberFactory()

    login(client, outsider).post(issue_url(action, issue), POSTS[action])

    issue.refresh_from_db()
    assert (issue.status, issue.send_at) == (IssueStatus.DRAFT, None)
    assert [block.block_type for block in issue.sections] == ["new_listings"]
    assert Delivery.objects.count() == 0
    assert mailbox.messages == []


def test_moderator_is_told_they_lack_permission(client, moderator, issue):
    response = login(client, moderator).get(issue_url("status", issue), follow=True)

    assert response.redirect_chain[-1][0] == "/admin/"
    assert NO_PERMISSION in messages_on(response)


def test_superuser_may_send_a_test(client, issue, mailbox):
    boss = UserFactory(is_staff=True, is_superuser=True, email="boss@example.org")

    login(client, boss).post(
        issue_url("send_test", issue), {"address": "boss@example.org", "language": "en"}
    )

    assert mailbox.wait_for("boss@example.org")[0]["Subject"].startswith("[Test] ")


def test_editors_see_the_newsletter_menu(client, editor):
    response = login(client, editor).get("/admin/")

    assert issue_url("list") in response.content.decode()


# Subscribers ------------------------------------------------------------------------------


def test_subscriber_list_searches_by_email(client, editor):
    SubscriberFactory(email="ada@example.org")
    SubscriberFactory(email="bob@example.org")

    response = login(client, editor).get(subscriber_url("list"), {"q": "ada"})

    rows = [row.get_text(" ", strip=True) for row in soup(response).select("tbody tr")]
    assert len(rows) == 1
    assert "ada@example.org" in rows[0]


def test_subscriber_list_filters_by_status_and_counts_each(client, editor):
    SubscriberFactory.create_batch(2)
    SubscriberFactory(status=SubscriberStatus.PENDING, email="waiting@example.org")

    response = login(client, editor).get(subscriber_url("list"), {"status": "pending"})

    rows = [row.get_text(" ", strip=True) for row in soup(response).select("tbody tr")]
    assert len(rows) == 1
    assert "waiting@example.org" in rows[0]
    counts = soup(response).select_one("[data-subscriber-counts]").get_text(" ", strip=True)
    assert "Subscribed: 2" in counts
    assert "Waiting for confirmation: 1" in counts


def test_subscriber_list_offers_no_add_and_links_to_inspect(client, editor):
    subscriber = SubscriberFactory(email="ada@example.org")

    response = login(client, editor).get(subscriber_url("list"))

    hrefs = [a["href"] for a in soup(response).select("a[href]")]
    assert subscriber_url("add") not in hrefs
    assert subscriber_url("inspect", subscriber) in hrefs
    assert subscriber_url("edit", subscriber) not in hrefs


@pytest.mark.parametrize("superuser", [False, True])
def test_nobody_edits_or_adds_subscribers_in_the_admin(client, editor, superuser):
    subscriber = SubscriberFactory(email="ada@example.org")
    user = UserFactory(is_staff=True, is_superuser=True) if superuser else editor
    login(client, user)

    edit = client.post(subscriber_url("edit", subscriber), {"email": "eve@example.org"})
    add = client.post(subscriber_url("add"), {"email": "eve@example.org"})

    assert (edit.status_code, add.status_code) == (302, 302)
    subscriber.refresh_from_db()
    assert subscriber.email == "ada@example.org"
    assert not Subscriber.objects.filter(email="eve@example.org").exists()


def test_editor_inspects_a_subscriber(client, editor):
    subscriber = SubscriberFactory(email="ada@example.org")

    response = login(client, editor).get(subscriber_url("inspect", subscriber))

    text = soup(response).select_one("main").get_text(" ", strip=True)
    assert "ada@example.org" in text
    assert "Subscribed" in text


def test_superuser_deletes_a_subscriber(admin_client):
    subscriber = SubscriberFactory(email="ada@example.org")

    admin_client.post(subscriber_url("delete", subscriber))

    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
