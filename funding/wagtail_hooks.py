"""Funding calls as snippets: moderators review, approve and reject them in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet

from moderation.snippets import ModeratedSnippetViewSet

from .models import FundingCall


class FundingCallViewSet(ModeratedSnippetViewSet):
    model = FundingCall
    icon = "tag"
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["title", "funder", LiveStatusTagColumn(), "closes_on", UpdatedAtColumn()]
    list_filter = ["live", "call_type"]
    search_fields = ["title", "summary", "funder"]
    search_backend_name = None  # the database's own matching, as for listings
    ordering = ["-updated_at"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("title"), FieldPanel("slug"), FieldPanel("summary"), FieldPanel("url")],
                heading=_("The call"),
            ),
            FieldPanel("body"),
            MultiFieldPanel(
                [FieldPanel("funder"), FieldPanel("funder_organisation"), FieldPanel("call_type")],
                heading=_("Funder"),
            ),
            MultiFieldPanel(
                [FieldPanel("audiences"), FieldPanel("countries")], heading=_("Who can apply")
            ),
            MultiFieldPanel(
                [FieldPanel("amount_min"), FieldPanel("amount_max"), FieldPanel("currency")],
                heading=_("Amount"),
            ),
            MultiFieldPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Dates")),
            MultiFieldPanel([FieldPanel("clusters"), FieldPanel("areas")], heading=_("Themes")),
        ]
    )


register_snippet(FundingCallViewSet)
