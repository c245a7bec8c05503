"""The "Moderation" menu of the Wagtail admin: pending changes (each with its review page), the
report queue, and room for other queues; and a "Review changes" link on the dashboard's
"Awaiting your review" panel.

Other apps add their queues (for example organisation claims) to the same submenu by giving
their viewset `menu_hook = MODERATION_MENU_HOOK`; moderation never imports them.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from . import admin_views
from .models import ModeratedModel
from .people import person_chooser_viewset

MODERATION_MENU_HOOK = "register_moderation_menu_item"


class PermissionMenuItem(MenuItem):
    """A menu item shown only to people holding `permission`."""

    permission = None

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class ModeratorMenuItem(PermissionMenuItem):
    """For moderators: the Moderators group holds this permission (migration 0003), and the
    permission check is cached for the request where a group lookup would cost a query."""

    permission = "moderation.view_report"


class ReportQueueViewSet(ViewSet):
    name = "moderation_reports"
    url_prefix = "moderation/reports"
    icon = "warning"
    menu_label = _("Reports")
    menu_name = "user-reports"  # Wagtail's own "Reports" menu is named "reports"
    menu_item_class = ModeratorMenuItem

    def get_urlpatterns(self):
        subject = "<int:content_type_id>/<str:object_id>/"
        return [
            path("", admin_views.ReportQueueView.as_view(), name="index"),
            path(subject, admin_views.ReportSubjectView.as_view(), name="subject"),
            path(f"{subject}resolve/", admin_views.ResolveReportsView.as_view(), name="resolve"),
        ]


class PendingChangesViewSet(ViewSet):
    name = "moderation_reviews"
    url_prefix = "moderation/changes"
    icon = "tasks"
    menu_label = _("Pending changes")
    menu_name = "pending-changes"
    menu_item_class = ModeratorMenuItem

    def get_urlpatterns(self):
        change = "<int:content_type_id>/<str:object_id>/"
        return [
            path("", admin_views.PendingChangesView.as_view(), name="index"),
            path(change, admin_views.ReviewChangesView.as_view(), name="review"),
        ]


class ModerationViewSetGroup(ViewSetGroup):
    menu_label = _("Moderation")
    menu_icon = "tasks"
    menu_order = 250
    items = (PendingChangesViewSet, ReportQueueViewSet)
    submenu_hook = MODERATION_MENU_HOOK


@hooks.register("register_admin_viewset")
def register_moderation_viewsets():
    return ModerationViewSetGroup()


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review" panel, each moderated object linked to its review page."""

    template_name = "moderation/awaiting_review_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            if isinstance(state["obj"], ModeratedModel):
                state["review_url"] = admin_views.review_url(state["obj"])
        return context


@hooks.register("construct_homepage_panels")
def link_reviews_from_the_dashboard(request, panels):
    panels[:] = [
        AwaitingReviewPanel() if isinstance(panel, WorkflowObjectsToModeratePanel) else panel
        for panel in panels
    ]


@hooks.register("register_admin_viewset")
def register_person_chooser():
    return person_chooser_viewset
