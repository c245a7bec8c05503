"""The "Moderation" menu of the Wagtail admin: the report queue, and room for other queues.

Other apps add their queues (for example organisation claims) to the same submenu by giving
their viewset `menu_hook = MODERATION_MENU_HOOK`; moderation never imports them.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from . import admin_views

MODERATION_MENU_HOOK = "register_moderation_menu_item"


class PermissionMenuItem(MenuItem):
    """A menu item shown only to people holding `permission`."""

    permission = None

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class ReportQueueMenuItem(PermissionMenuItem):
    permission = "moderation.view_report"


class ReportQueueViewSet(ViewSet):
    name = "moderation_reports"
    url_prefix = "moderation/reports"
    icon = "warning"
    menu_label = _("Reports")
    menu_name = "user-reports"  # Wagtail's own "Reports" menu is named "reports"
    menu_item_class = ReportQueueMenuItem

    def get_urlpatterns(self):
        subject = "<int:content_type_id>/<str:object_id>/"
        return [
            path("", admin_views.ReportQueueView.as_view(), name="index"),
            path(subject, admin_views.ReportSubjectView.as_view(), name="subject"),
            path(f"{subject}resolve/", admin_views.ResolveReportsView.as_view(), name="resolve"),
        ]


class ModerationViewSetGroup(ViewSetGroup):
    menu_label = _("Moderation")
    menu_icon = "tasks"
    menu_order = 250
    items = (ReportQueueViewSet,)
    submenu_hook = MODERATION_MENU_HOOK


@hooks.register("register_admin_viewset")
def register_moderation_viewsets():
    return ModerationViewSetGroup()
