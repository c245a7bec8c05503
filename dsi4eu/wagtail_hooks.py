from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import import_view, report_view
from .jobs import may_import


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("dsi4eu/import/", import_view, name="dsi4eu_import"),
        path("dsi4eu/import/<int:pk>/report.csv", report_view, name="dsi4eu_import_report"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import from DSI4EU"), reverse("dsi4eu_import"), icon_name="upload", order=270
    )
