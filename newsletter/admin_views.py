"""The editor's side of a newsletter issue in the Wagtail admin, beside the snippet's own views
(registered by newsletter.wagtail_hooks): its sending page with the counts and a progress bar,
a plain preview, a test send, scheduling, unscheduling and sending now.

Only people who may change issues get here (the Editors group and superusers, see
newsletter/migrations/0002_editor_permissions.py); Wagtail's admin turns the PermissionDenied
into a redirect with a message.
"""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .admin_forms import ScheduleForm, TestSendForm
from .choices import DeliveryStatus, IssueStatus
from .models import NewsletterIssue, Subscriber
from .services import dispatch, drafts

CHANGE_PERMISSION = "newsletter.change_newsletterissue"


def issue_url(name, issue, *args):
    """The admin URL `name` ("edit", "status", "send_test", …) of `issue`."""
    return reverse(NewsletterIssue.snippet_viewset.get_url_name(name), args=[issue.pk, *args])


def not_editable_message(issue):
    if issue.status == IssueStatus.SENT:
        return _("“%(subject)s” was sent; it can no longer be changed.") % {
            "subject": issue.subject
        }
    return _("“%(subject)s” is being sent; it can no longer be changed.") % {
        "subject": issue.subject
    }


def empty_issue_message(issue):
    return _(
        "“%(subject)s” has no sections, so it cannot be sent. Add sections, or use “Start "
        "from this month’s content”, then send it."
    ) % {"subject": issue.subject}


def delivery_progress(issue):
    """{status: n} for the issue's deliveries, with `total`, `done` (no longer queued) and
    `percent`."""
    counts = issue.deliveries.counts()
    total = sum(counts.values())
    done = total - counts[DeliveryStatus.QUEUED]
    percent = round(100 * done / total) if total else 0
    return {**counts, "total": total, "done": done, "percent": percent}


class IssueMixin(PermissionRequiredMixin, WagtailAdminTemplateMixin):
    permission_required = CHANGE_PERMISSION
    header_icon = "mail"

    @cached_property
    def issue(self):
        return get_object_or_404(NewsletterIssue, pk=self.kwargs["pk"])

    def status_url(self):
        return issue_url("status", self.issue)

    def get_breadcrumbs_items(self):
        viewset = NewsletterIssue.snippet_viewset
        return [
            *self.breadcrumbs_items,
            {"url": reverse(viewset.get_url_name("list")), "label": viewset.menu_label},
            {"url": issue_url("edit", self.issue), "label": str(self.issue)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        actions = ("edit", "send_test", "schedule", "unschedule", "send_now", "fill_sections")
        urls = {name: issue_url(name, self.issue) for name in actions}
        return super().get_context_data(
            issue=self.issue, status_url=self.status_url(), urls=urls, **kwargs
        )


class EditableIssueMixin(IssueMixin):
    """Actions on an issue that is still a draft or scheduled; a sending or sent issue sends
    the editor back to its sending page with a message."""

    def dispatch(self, request, *args, **kwargs):
        if self.has_permission() and not self.issue.is_editable:
            messages.error(request, not_editable_message(self.issue))
            return redirect(self.status_url())
        return super().dispatch(request, *args, **kwargs)

    def refuse(self):
        self.issue.refresh_from_db()
        messages.error(self.request, not_editable_message(self.issue))
        return redirect(self.status_url())

    def refuse_empty(self):
        messages.error(self.request, empty_issue_message(self.issue))
        return redirect(self.status_url())


class IssueStatusView(IssueMixin, TemplateView):
    """Where an issue stands: its state, when it goes, what it would go to, and while sending
    the counts with a progress bar (the page reloads itself every few seconds, no script)."""

    template_name = "newsletter/admin/issue_status.html"

    def get_page_title(self):
        return _("Sending")

    def get_context_data(self, **kwargs):
        issue = self.issue
        recipients = None if issue.deliveries.exists() else Subscriber.objects.wanting_issues()
        return super().get_context_data(
            progress=delivery_progress(issue),
            recipients=recipients.count() if recipients is not None else None,
            refresh=issue.status == IssueStatus.SENDING,
            preview_modes=[
                (issue_url("preview_page", issue, mode), label)
                for mode, label in issue.preview_modes
            ],
            **kwargs,
        )


class IssuePreviewView(PermissionRequiredMixin, View):
    """The saved issue as an e-mail page of its own (HTML or plain text), to open in a tab."""

    permission_required = CHANGE_PERMISSION

    def get(self, request, pk, mode):
        issue = get_object_or_404(NewsletterIssue, pk=pk)
        if mode not in dict(issue.preview_modes):
            raise Http404
        return issue.serve_preview(request, mode)


class IssueTestSendView(EditableIssueMixin, FormView):
    template_name = "newsletter/admin/issue_form.html"
    form_class = TestSendForm

    def get_page_title(self):
        return _("Send a test")

    def get_initial(self):
        return {"address": self.request.user.email, "language": self.request.user.language}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            intro=_("The test shows the issue as last saved, with “[Test]” before its subject."),
            submit_label=_("Send the test"),
            **kwargs,
        )

    def form_valid(self, form):
        address = form.cleaned_data["address"]
        drafts.send_test(self.issue, address, language=form.cleaned_data["language"])
        messages.success(
            self.request,
            _("A test of “%(subject)s” is on its way to %(address)s.")
            % {"subject": self.issue.subject, "address": address},
        )
        return redirect(self.status_url())


class IssueScheduleView(EditableIssueMixin, FormView):
    template_name = "newsletter/admin/issue_form.html"
    form_class = ScheduleForm

    def get_page_title(self):
        return _("Schedule")

    def get_initial(self):
        return {"send_at": self.issue.send_at}

    def get_context_data(self, **kwargs):
        return super().get_context_data(submit_label=_("Schedule"), **kwargs)

    def form_valid(self, form):
        try:
            issue = dispatch.schedule_issue(self.issue, send_at=form.cleaned_data["send_at"])
        except dispatch.IssueNotEditable:
            return self.refuse()
        except dispatch.IssueEmpty:
            return self.refuse_empty()
        messages.success(
            self.request,
            _("“%(subject)s” is scheduled; it will be sent on %(when)s.")
            % {"subject": issue.subject, "when": _local(issue.send_at)},
        )
        return redirect(self.status_url())


class IssueUnscheduleView(EditableIssueMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        issue = dispatch.unschedule_issue(self.issue)
        messages.success(
            request,
            _("“%(subject)s” is a draft again; it will not be sent.") % {"subject": issue.subject},
        )
        return redirect(self.status_url())


class IssueSendNowView(EditableIssueMixin, TemplateView):
    """A confirmation page (GET) saying how many people the issue goes to; POST sends."""

    template_name = "newsletter/admin/issue_send_now.html"

    def get_page_title(self):
        return _("Send now")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            recipients=Subscriber.objects.wanting_issues().count(), **kwargs
        )

    def post(self, request, pk):
        try:
            queued = dispatch.send_issue_now(self.issue)
        except dispatch.IssueNotEditable:
            return self.refuse()
        except dispatch.IssueEmpty:
            return self.refuse_empty()
        messages.success(
            request,
            _("Sending “%(subject)s” to %(count)s subscribers has started.")
            % {"subject": self.issue.subject, "count": queued},
        )
        return redirect(self.status_url())


class IssueFillSectionsView(EditableIssueMixin, TemplateView):
    """“Start from this month's content”: a confirmation page (GET) naming the issue's period
    and what it replaces; POST fills the sections with what that period brought, as the
    monthly draft does (newsletter.services.drafts.fill_sections)."""

    template_name = "newsletter/admin/issue_fill_sections.html"

    def get_page_title(self):
        return _("Start from this month's content")

    def get_context_data(self, **kwargs):
        return super().get_context_data(replaces=len(self.issue.sections), **kwargs)

    def post(self, request, pk):
        try:
            issue = drafts.fill_sections(self.issue, user=request.user)
        except dispatch.IssueNotEditable:
            return self.refuse()
        if issue.sections:
            messages.success(
                request,
                _("“%(subject)s” now holds this period’s content: review its sections.")
                % {"subject": issue.subject},
            )
        else:
            messages.warning(
                request,
                _("Nothing was published for this period; the sections are empty."),
            )
        return redirect(issue_url("edit", issue))


def _local(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
