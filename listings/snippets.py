"""The Wagtail admin of listings: the panels and the snippet viewset each kind registers.

Moderators review, approve and reject listings there; the "Moderation" workflow is attached to
each model by a data migration (moderation.workflow).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn

from moderation.snippets import ModeratedSnippetViewSet, field_group, rich_text_panel

RICH_TEXT_FIELDS = {"description", "social_impact"}


def listing_panels(heading_fields, extra_fields):
    """Admin panels for a listing: identity, text, `extra_fields`, place, themes, links."""
    return [
        field_group(_("Identity"), *heading_fields),
        *[
            rich_text_panel(name) if name in RICH_TEXT_FIELDS else FieldPanel(name)
            for name in extra_fields
        ],
        field_group(_("Where"), "country", "city", "address"),
        field_group(_("Themes"), "areas", "technologies", "focus", "keywords"),
        InlinePanel("links", heading=_("Links"), label=_("Link")),
        field_group(_("Images"), "logo", "header_image"),
    ]


class ListingViewSet(ModeratedSnippetViewSet):
    list_display = ["name", LiveStatusTagColumn(), "country", UpdatedAtColumn()]
    list_filter = ["live", "country", "areas", "technologies"]
    search_fields = ["name", "short_description"]
