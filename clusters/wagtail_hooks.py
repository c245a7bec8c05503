from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import ClusterAdminForm
from .models import Cluster


class ClusterViewSet(SnippetViewSet):
    model = Cluster
    icon = "globe"
    add_to_admin_menu = True
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
            FieldPanel("leads"),
            FieldPanel("get_in_touch"),
            FieldPanel("sort_order"),
        ],
        base_form_class=ClusterAdminForm,
    )


register_snippet(ClusterViewSet)
