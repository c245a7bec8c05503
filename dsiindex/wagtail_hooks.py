from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import upload_edition
from .models import Edition


class EditionViewSet(SnippetViewSet):
    """Editions are loaded whole from a file; here editors publish them and write the notes."""

    model = Edition
    icon = "table"
    menu_label = _("DSI Index")
    add_to_admin_menu = True
    menu_order = 270
    list_display = ["title", "year", "synthetic", "published", "computed_at"]
    panels = [
        FieldPanel("title"),
        FieldPanel("published"),
        FieldPanel("synthetic"),
        FieldPanel("licence"),
        FieldPanel("source"),
        FieldPanel("method_notes"),
    ]


register_snippet(EditionViewSet)


class UploadMenuItem(MenuItem):
    def is_shown(self, request):
        # The permission, not the group: Wagtail's menu has already loaded the permission set.
        return request.user.has_perm("dsiindex.add_edition")


@hooks.register("register_admin_urls")
def register_upload_url():
    return [path("dsi-index/load/", upload_edition, name="dsiindex_upload")]


@hooks.register("register_admin_menu_item")
def register_upload_menu_item():
    return UploadMenuItem(
        _("Load a DSI Index edition"), reverse("dsiindex_upload"), icon_name="upload", order=271
    )
