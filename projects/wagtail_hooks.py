"""Projects as snippets, moderated like organisations (see organisations.wagtail_hooks)."""

from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet

from listings.snippets import ListingViewSet, listing_panels

from .models import Project


class ProjectViewSet(ListingViewSet):
    model = Project
    icon = "tasks"
    menu_order = 220
    list_filter = [*ListingViewSet.list_filter, "status"]
    edit_handler = ObjectList(
        listing_panels(
            ["name", "slug", "short_description", "website"],
            [
                "description",
                "social_impact",
                "status",
                "start_date",
                "end_date",
                "organisations",
                "last_confirmed_at",
            ],
        )
    )


register_snippet(ProjectViewSet)
