"""The Wagtail admin of listings: the panels and the snippet viewset each kind registers.

Moderators review, approve and reject listings there; the "Moderation" workflow is attached to
each model by a data migration (moderation.workflow).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn

from moderation.snippets import ModeratedSnippetViewSet


def listing_panels(heading_fields, extra_fields):
    """Admin panels for a listing: identity, text, `extra_fields`, place, themes, links."""
    return [
        MultiFieldPanel([FieldPanel(name) for name in heading_fields], heading=_("Identity")),
        *[FieldPanel(name) for name in extra_fields],
        MultiFieldPanel(
            [FieldPanel("country"), FieldPanel("city"), FieldPanel("address")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("areas"),
                FieldPanel("technologies"),
                FieldPanel("focus"),
                FieldPanel("keywords"),
            ],
            heading=_("Themes"),
        ),
        InlinePanel("links", heading=_("Links"), label=_("Link")),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("header_image")], heading=_("Images")),
    ]


class ListingViewSet(ModeratedSnippetViewSet):
    add_to_admin_menu = True
    list_display = ["name", LiveStatusTagColumn(), "country", UpdatedAtColumn()]
    list_filter = ["live", "country", "areas", "technologies"]
    search_fields = ["name", "short_description"]
    search_backend_name = None  # the database's own matching: no search index to keep fresh
    ordering = ["-updated_at"]
    list_per_page = 50
