"""The "Newsletter" menu of the Wagtail admin: issues (written, previewed, tested, scheduled
and sent by editors; newsletter.admin_views) and subscribers (read and deleted, never edited:
addresses change only through the subscriber's own preference centre)."""

from django.db.models import Count
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    EditView,
    IndexView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from . import admin_views
from .admin_views import issue_url, not_editable_message
from .choices import SubscriberStatus
from .models import NewsletterIssue, Subscriber


def issue_action_buttons(issue, button_class=Button):
    """The sending page, previews and (while the issue can change) test, schedule, send."""
    buttons = [
        button_class(
            _("Preview (HTML)"), url=issue_url("preview_page", issue, "html"), priority=20
        ),
        button_class(
            _("Preview (plain text)"), url=issue_url("preview_page", issue, "text"), priority=21
        ),
    ]
    if issue.is_editable:
        buttons += [
            button_class(
                _("Start from this month's content"),
                url=issue_url("fill_sections", issue),
                priority=25,
            ),
            button_class(_("Send a test"), url=issue_url("send_test", issue), priority=30),
            button_class(_("Schedule"), url=issue_url("schedule", issue), priority=31),
            button_class(_("Send now"), url=issue_url("send_now", issue), priority=32),
        ]
    return buttons


class IssueIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        status = Button(
            _("Sending"), url=issue_url("status", instance), icon_name="mail", priority=5
        )
        return [status, *super().get_list_more_buttons(instance)]


class IssueEditView(EditView):
    """The snippet's edit view, with the issue's actions in its header; a sending or sent
    issue is shown but cannot be saved."""

    @property
    def header_buttons(self):
        status = HeaderButton(_("Sending"), url=issue_url("status", self.object), icon_name="mail")
        return [*super().header_buttons, status]

    def get_header_more_buttons(self):
        return sorted([*super().get_header_more_buttons(), *issue_action_buttons(self.object)])

    def get(self, request, *args, **kwargs):
        if not self.object.is_editable:
            messages.warning(request, not_editable_message(self.object))
        return super().get(request, *args, **kwargs)

    def is_valid(self, form):
        if not self.object.is_editable:
            self.produced_error_code = "not_editable"
            self.produced_error_message = not_editable_message(self.object)
            return False
        return super().is_valid(form)


class NewsletterIssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = _("Issues")
    index_view_class = IssueIndexView
    edit_view_class = IssueEditView
    copy_view_enabled = False  # a copy would keep the original's status and dates
    list_display = [
        "subject",
        "period_start",
        "status",
        "send_at",
        Column("queued_count", label=_("Queued")),
        Column("sent_count", label=_("Sent")),
        Column("failed_count", label=_("Failed")),
        Column("bounced_count", label=_("Bounced")),
    ]
    list_filter = ["status"]
    panels = [
        FieldPanel("subject"),
        FieldPanel("preheader"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")])],
            heading=_("Period"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("sections"),
    ]

    def get_queryset(self, request):
        return NewsletterIssue.objects.with_delivery_counts()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("status/<int:pk>/", admin_views.IssueStatusView.as_view(), name="status"),
            path(
                "preview-page/<int:pk>/<slug:mode>/",
                admin_views.IssuePreviewView.as_view(),
                name="preview_page",
            ),
            path("send-test/<int:pk>/", admin_views.IssueTestSendView.as_view(), name="send_test"),
            path("schedule/<int:pk>/", admin_views.IssueScheduleView.as_view(), name="schedule"),
            path(
                "unschedule/<int:pk>/",
                admin_views.IssueUnscheduleView.as_view(),
                name="unschedule",
            ),
            path("send-now/<int:pk>/", admin_views.IssueSendNowView.as_view(), name="send_now"),
            path(
                "fill-sections/<int:pk>/",
                admin_views.IssueFillSectionsView.as_view(),
                name="fill_sections",
            ),
        ]


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds subscribers or edits their addresses in the admin, superusers included:
    subscribing takes the subscriber's own confirmation (double opt-in)."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change"} and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber), exact_class=True)


class SubscriberIndexView(IndexView):
    def get_context_data(self, **kwargs):
        rows = Subscriber.objects.values("status").annotate(n=Count("pk")).order_by()
        numbers = {row["status"]: row["n"] for row in rows}
        counts = [(label, numbers.get(value, 0)) for value, label in SubscriberStatus.choices]
        return super().get_context_data(status_counts=counts, **kwargs)


class SubscriberInspectView(InspectView):
    def get_countries_display_value(self):
        countries = self.object.countries
        return ", ".join(country.name for country in countries) if countries else _("All")

    def get_clusters_display_value(self):
        return ", ".join(str(cluster) for cluster in self.object.clusters.all()) or _("All")


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    index_view_class = SubscriberIndexView
    index_template_name = "newsletter/admin/subscriber_index.html"
    inspect_view_class = SubscriberInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["email", "status", "language", "wants_newsletter", "wants_digest", "created_at"]
    list_filter = ["status", "wants_newsletter", "wants_digest", "language"]
    search_fields = ["email"]
    search_backend_name = None  # the ORM's icontains: part of an address finds it
    inspect_view_fields = [
        "email",
        "status",
        "language",
        "wants_newsletter",
        "wants_digest",
        "clusters",
        "countries",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]


class NewsletterViewSetGroup(SnippetViewSetGroup):
    items = (NewsletterIssueViewSet, SubscriberViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletter")
    menu_name = "newsletter"


register_snippet(NewsletterViewSetGroup)
