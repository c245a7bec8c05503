from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
