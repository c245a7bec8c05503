"""Events as snippets: moderators review, approve and reject them in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet

from moderation.snippets import ModeratedSnippetViewSet

from .models import Event


class EventViewSet(ModeratedSnippetViewSet):
    model = Event
    icon = "date"
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["title", LiveStatusTagColumn(), "start", "format", UpdatedAtColumn()]
    list_filter = ["live", "format", "clusters"]
    search_fields = ["title", "summary"]
    search_backend_name = None
    ordering = ["-updated_at"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("title"), FieldPanel("slug"), FieldPanel("summary")],
                heading=_("Identity"),
            ),
            FieldPanel("body"),
            MultiFieldPanel(
                [FieldPanel("start"), FieldPanel("end"), FieldPanel("timezone")],
                heading=_("When"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("recurrence"),
                    FieldPanel("recurrence_until"),
                    FieldPanel("recurrence_count"),
                ],
                heading=_("Repeats"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("format"),
                    FieldPanel("venue"),
                    FieldPanel("address"),
                    FieldPanel("country"),
                    FieldPanel("city"),
                    FieldPanel("online_url"),
                ],
                heading=_("Where"),
            ),
            MultiFieldPanel(
                [FieldPanel("registration_url"), FieldPanel("is_free"), FieldPanel("price")],
                heading=_("Registration and price"),
            ),
            FieldPanel("organiser"),
            FieldPanel("clusters"),
            FieldPanel("areas"),
            FieldPanel("image"),
            FieldPanel("submitted_by"),
        ]
    )


register_snippet(EventViewSet)
