"""Funding calls as snippets: moderators review, approve and reject them in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet

from moderation.snippets import ModeratedSnippetViewSet, field_group, rich_text_panel

from .models import FundingCall


class FundingCallViewSet(ModeratedSnippetViewSet):
    model = FundingCall
    icon = "tag"
    menu_order = 230
    list_display = ["title", "funder", LiveStatusTagColumn(), "closes_on", UpdatedAtColumn()]
    list_filter = ["live", "call_type"]
    search_fields = ["title", "summary", "funder"]
    edit_handler = ObjectList(
        [
            field_group(_("The call"), "title", "slug", "summary", "url"),
            rich_text_panel("body"),
            field_group(_("Funder"), "funder", "funder_organisation", "call_type"),
            field_group(_("Who can apply"), "audiences", "countries"),
            field_group(_("Amount"), "amount_min", "amount_max", "currency"),
            field_group(_("Dates"), "opens_on", "closes_on"),
            field_group(_("Themes"), "clusters", "areas"),
        ]
    )


register_snippet(FundingCallViewSet)
