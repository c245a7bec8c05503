"""Events as snippets: moderators review, approve and reject them in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet

from moderation.snippets import ModeratedSnippetViewSet, field_group, rich_text_panel

from .models import Event


class EventViewSet(ModeratedSnippetViewSet):
    model = Event
    icon = "date"
    menu_order = 230
    list_display = ["title", LiveStatusTagColumn(), "start", "format", UpdatedAtColumn()]
    list_filter = ["live", "format", "clusters"]
    search_fields = ["title", "summary"]
    edit_handler = ObjectList(
        [
            field_group(_("Identity"), "title", "slug", "summary"),
            rich_text_panel("body"),
            field_group(_("When"), "start", "end", "timezone"),
            field_group(_("Repeats"), "recurrence", "recurrence_until", "recurrence_count"),
            field_group(_("Where"), "format", "venue", "address", "country", "city", "online_url"),
            field_group(_("Registration and price"), "registration_url", "is_free", "price"),
            *[FieldPanel(name) for name in ("organiser", "clusters", "areas", "image")],
            FieldPanel("submitted_by"),
        ]
    )


register_snippet(EventViewSet)
