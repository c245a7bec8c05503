from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView

from moderation.snippets import LockedEditView, ModeratedSnippetViewSet

from .admin_views import import_resources_view, write_story
from .models import Resource
from .permissions import resource_permission_policy
from .resource_import import may_import

register_permission_policy(Resource, resource_permission_policy(), exact_class=True)


class ResourceCreateView(CreateView):
    def save_instance(self):
        self.form.instance.submitted_by = self.request.user
        return super().save_instance()


class ResourceEditView(LockedEditView):
    """Only the resources this person may change are found: for a cluster lead, another's or a
    published resource's edit page is a 404 (stories.permissions)."""

    def get_object(self, queryset=None):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return super().get_object(editable)


class ResourceViewSet(ModeratedSnippetViewSet):
    """Resources in the admin: editors and moderators publish; a cluster lead's resource is
    submitted to "Resource review" and waits for one of them (stories.policy)."""

    model = Resource
    icon = "doc-full"
    menu_label = _("Resources")
    add_to_admin_menu = True
    menu_order = 250
    add_view_class = ResourceCreateView
    edit_view_class = ResourceEditView
    list_display = [
        "title",
        LiveStatusTagColumn(),
        "resource_type",
        "author_label",
        UpdatedAtColumn(),
    ]
    list_filter = ["live", "resource_type", "clusters"]
    search_fields = ["title", "description"]
    search_backend_name = None
    ordering = ["-updated_at"]

    def get_queryset(self, request):
        """A cluster lead's list holds what they may change: their own unpublished resources."""
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["change"]
        ).select_related("author")


register_snippet(ResourceViewSet)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


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
