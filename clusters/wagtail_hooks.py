from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CopyView,
    DeleteView,
    EditView,
    HistoryView,
    SnippetViewSet,
    UsageView,
)

from moderation.people import PeopleChooser

from .forms import ClusterAdminForm
from .models import Cluster
from .permissions import ClusterPermissionPolicy

register_permission_policy(Cluster, ClusterPermissionPolicy(Cluster), exact_class=True)


class OwnClustersOnly:
    """A per-object admin view that finds only the clusters this person may work on: another
    cluster's edit, delete, copy, history and usage pages are a 404 for a lead. Checked in
    setup(), where Wagtail's views load the object, before any permission check (which
    Wagtail answers with a redirect to the dashboard)."""

    def setup(self, request, *args, **kwargs):
        reachable = self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["view", "change", "delete"]
        )
        if not reachable.filter(pk=kwargs.get("pk")).exists():
            raise Http404
        super().setup(request, *args, **kwargs)


class ClusterEditView(OwnClustersOnly, EditView):
    pass


class ClusterDeleteView(OwnClustersOnly, DeleteView):
    pass


class ClusterCopyView(OwnClustersOnly, CopyView):
    pass


class ClusterHistoryView(OwnClustersOnly, HistoryView):
    pass


class ClusterUsageView(OwnClustersOnly, UsageView):
    pass


class ClusterViewSet(SnippetViewSet):
    model = Cluster
    icon = "globe"
    add_to_admin_menu = True
    edit_view_class = ClusterEditView
    delete_view_class = ClusterDeleteView
    copy_view_class = ClusterCopyView
    history_view_class = ClusterHistoryView
    usage_view_class = ClusterUsageView
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
            FieldPanel("leads", widget=PeopleChooser),
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
