from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import import_resources_view, write_story
from .models import Resource


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "doc-full"
    menu_label = _("Resources")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "resource_type", "author_label", "year"]
    list_filter = ["resource_type", "clusters"]
    search_fields = ["title", "description"]


register_snippet(ResourceViewSet)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("stories.add_resource")


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("resources/import/", import_resources_view, name="stories_import_resources"),
        path("stories/write/", write_story, name="stories_write"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import resources"),
        reverse("stories_import_resources"),
        icon_name="upload",
        order=260,
    )
