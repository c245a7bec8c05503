"""The next month's draft (beat, on the 25th) and test sends of an issue."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from post_office.models import Email

from newsletter.choices import IssueStatus
from newsletter.models import NewsletterIssue
from newsletter.services import drafts
from newsletter.tasks import create_next_issue_task
from tests.factories.accounts import UserFactory
from tests.factories.events import EventFactory, days_from_now
from tests.factories.funding import FundingCallFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.factories.newsletter import NewsletterIssueFactory
from tests.factories.stories import BlogPageFactory
from tests.support.mail import link_containing, path_of, text_of
from tests.support.people import login

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
MONTH_START, MONTH_END = drafts.month_bounds(TODAY)
LAST_MONTH = timezone.now() - dt.timedelta(days=TODAY.day + 3)


def after_month_end(days):
    return (MONTH_END - TODAY).days + days


@pytest.fixture
def month_content():
    """What this month brought, and what it did not (last month's, or too far ahead)."""
    return {
        "story": BlogPageFactory(title="Repair cafés go digital"),
        "old_story": BlogPageFactory(title="Last month's story", first_published_at=LAST_MONTH),
        "event": EventFactory(title="Open data breakfast", start=days_from_now(after_month_end(5))),
        "far_event": EventFactory(title="Next spring", start=days_from_now(after_month_end(90))),
        "call": FundingCallFactory(
            title="Civic Tech Fund", closes_on=MONTH_END + dt.timedelta(days=20)
        ),
        "late_call": FundingCallFactory(
            title="Far deadline", closes_on=MONTH_END + dt.timedelta(days=120)
        ),
        "organisation": OrganisationFactory(name="Open Commons"),
        "old_organisation": OrganisationFactory(name="Old Commons", first_published_at=LAST_MONTH),
        "project": ProjectFactory(name="Repair Map"),
    }


def test_next_issue_collects_this_months_content_into_sections(month_content):
    issue = drafts.create_next_issue(TODAY)

    sections = {block.block_type: block.value for block in issue.sections}
    assert list(sections) == ["stories", "events", "funding", "new_listings"]
    assert [page.title for page in sections["stories"]["stories"]] == ["Repair cafés go digital"]
    assert [event.title for event in sections["events"]["events"]] == ["Open data breakfast"]
    assert [call.title for call in sections["funding"]["calls"]] == ["Civic Tech Fund"]
    assert (sections["new_listings"]["organisations"], sections["new_listings"]["projects"]) == (
        1,
        1,
    )
    assert (issue.period_start, issue.period_end, issue.status) == (
        MONTH_START,
        MONTH_END,
        IssueStatus.DRAFT,
    )


def test_next_issue_is_named_after_next_month_and_has_a_revision(month_content):
    issue = drafts.create_next_issue(TODAY)

    next_month = MONTH_END + dt.timedelta(days=1)
    assert issue.subject == f"DSI newsletter, {next_month:%B %Y}"
    assert issue.revisions.count() == 1
    assert issue.latest_revision.content["subject"] == issue.subject


def test_next_issue_of_a_quiet_month_has_no_empty_sections():
    issue = drafts.create_next_issue(TODAY)

    assert list(issue.sections) == []


def test_editors_are_emailed_a_link_to_edit_the_draft(client, editor, moderator, mailbox):
    boss = UserFactory(is_staff=True, is_superuser=True, email="boss@example.org")

    issue = drafts.create_next_issue(TODAY)

    [message] = mailbox.wait_for(editor.email)
    assert message["Subject"].endswith(f"Newsletter draft ready: {issue.subject}")
    link = link_containing(message, "/admin/")
    assert path_of(link) == reverse(
        NewsletterIssue.snippet_viewset.get_url_name("edit"), args=[issue.pk]
    )
    assert mailbox.wait_for(boss.email)
    assert mailbox.to(moderator.email) == []
    page = login(client, editor).get(path_of(link))
    assert f'value="{issue.subject}"' in page.content.decode()


def test_a_second_run_in_the_same_month_creates_nothing(editor, mailbox):
    first = drafts.create_next_issue(TODAY)
    mailbox.wait_for(editor.email)

    second = drafts.create_next_issue(TODAY + dt.timedelta(days=1) if TODAY < MONTH_END else TODAY)

    assert second is None
    assert list(NewsletterIssue.objects.all()) == [first]
    assert len(mailbox.to(editor.email)) == 1


def test_the_beat_task_returns_the_new_issue_then_nothing():
    first = create_next_issue_task()

    assert NewsletterIssue.objects.get().pk == first
    assert create_next_issue_task() is None


def test_edit_url_in_the_editors_email_is_the_snippet_edit_view():
    issue = NewsletterIssueFactory()

    assert reverse("wagtailsnippets_newsletter_newsletterissue:edit", args=[issue.pk]) == (
        f"/admin/snippets/newsletter/newsletterissue/edit/{issue.pk}/"
    )


# Test sends -------------------------------------------------------------------------------


def test_send_test_goes_through_the_outbox_with_links_to_the_newsletter_page(mailbox):
    issue = NewsletterIssueFactory(subject="November news")

    drafts.send_test(issue, "proof@example.net", language="en")

    assert Email.objects.filter(to=["proof@example.net"]).count() == 1
    [message] = mailbox.wait_for("proof@example.net")
    assert message["Subject"] == "[Test] November news"
    assert "Hello from the DSI Hub team." in text_of(message)
    assert "/newsletter/preferences/" not in message.as_string()
    assert message["List-Unsubscribe"].startswith("<http")
