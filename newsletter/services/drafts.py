"""The next month's draft issue, and test sends of an issue."""

import calendar
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.mail import absolute_url, send_email
from moderation.roles import EDITORS_GROUP

from ..models import NewsletterIssue
from ..rendering import IssueMessages, build_message
from ..sections import collect_sections
from .dispatch import IssueNotEditable


def month_bounds(day):
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def create_next_issue(today=None):
    """On the 25th (beat): a draft for next month's issue collecting this month's stories, new
    listings, the coming events and funding deadlines; the editors get an e-mail. Returns the
    new issue, or None when this month's draft exists already."""
    today = today or timezone.localdate()
    period_start, period_end = month_bounds(today)
    if NewsletterIssue.objects.filter(period_start=period_start).exists():
        return None
    next_month = period_end + timedelta(days=1)
    issue = NewsletterIssue.objects.create(
        subject=_("DSI newsletter, %(month)s")
        % {"month": date_format(next_month, "YEAR_MONTH_FORMAT")},
        period_start=period_start,
        period_end=period_end,
        sections=collect_sections(period_start, period_end),
    )
    issue.save_revision()
    _tell_editors(issue)
    return issue


@transaction.atomic
def fill_sections(issue, *, user=None):
    """“Start from this month's content”: replace a draft or scheduled issue's sections with
    what its period brought (as `create_next_issue` collects them), saved with a revision.
    Raises IssueNotEditable for an issue already sending or sent."""
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    if not issue.is_editable:
        raise IssueNotEditable(issue.status)
    issue.sections = collect_sections(issue.period_start, issue.period_end)
    issue.save(update_fields=["sections"])
    issue.save_revision(user=user)
    return issue


def _tell_editors(issue):
    editors = (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name=EDITORS_GROUP), is_active=True)
        .distinct()
    )
    edit_url = absolute_url(
        reverse("wagtailsnippets_newsletter_newsletterissue:edit", args=[issue.pk])
    )
    for editor in editors:
        send_email(
            "newsletter/email/draft_ready",
            to=editor,
            context={"issue": issue, "edit_url": edit_url},
        )


def send_test(issue, address, *, language):
    """Send the issue as subscribers will see it to `address`, through the outbox; its links
    lead to the newsletter page instead of anyone's preferences."""
    message, _message_id = build_message(IssueMessages(issue).rendered(language), address=address)
    message.subject = _("[Test] %(subject)s") % {"subject": message.subject}
    message.send()
