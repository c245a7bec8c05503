"""Organisations as snippets: moderators review, approve and reject them in the Wagtail admin."""

from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet

from listings.snippets import ListingViewSet, listing_panels

from . import claim_admin  # noqa: F401 - registers the Claims queue in the Moderation menu
from .models import Organisation


class OrganisationViewSet(ListingViewSet):
    model = Organisation
    icon = "group"
    menu_order = 210
    edit_handler = ObjectList(
        listing_panels(
            ["name", "slug", "short_description", "website"],
            [
                "description",
                "organisation_type",
                "size",
                "founded",
                "networks",
                "last_confirmed_at",
            ],
        )
    )


register_snippet(OrganisationViewSet)
