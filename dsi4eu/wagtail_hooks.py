from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from moderation.wagtail_hooks import ModeratorMenuItem

from .admin_views import import_view, report_view


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("dsi4eu/import/", import_view, name="dsi4eu_import"),
        path("dsi4eu/import/<int:pk>/report.csv", report_view, name="dsi4eu_import_report"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ModeratorMenuItem(
        _("Import from DSI4EU"), reverse("dsi4eu_import"), icon_name="upload", order=270
    )
