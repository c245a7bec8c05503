from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from .forms import ClusterAdminForm
from .models import Cluster
from .permissions import ClusterPermissionPolicy

register_permission_policy(Cluster, ClusterPermissionPolicy(Cluster), exact_class=True)


class ClusterEditView(EditView):
    """Only the clusters this person may change are found: another cluster's edit page is a
    404 for a lead (Wagtail turns a PermissionDenied into a redirect to the dashboard)."""

    def get_object(self, queryset=None):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return super().get_object(editable)


class ClusterViewSet(SnippetViewSet):
    model = Cluster
    icon = "globe"
    add_to_admin_menu = True
    edit_view_class = ClusterEditView
    list_display = ["title", "area", "coordinator", "sort_order"]
    search_fields = ["title", "coordinator"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("title"), FieldPanel("slug"), FieldPanel("area")],
                heading=_("Identity"),
            ),
            FieldPanel("coordinator"),
            FieldPanel("intro"),
            FieldPanel("body"),
            InlinePanel("gallery_images", heading=_("Gallery"), label=_("Image")),
            FieldPanel("leads"),
            FieldPanel("get_in_touch"),
            FieldPanel("sort_order"),
        ],
        base_form_class=ClusterAdminForm,
    )

    def get_queryset(self, request):
        """A lead sees only the clusters they may edit."""
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["view", "change"]
        ).select_related("area")


register_snippet(ClusterViewSet)
