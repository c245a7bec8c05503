"""The events' pages: list (upcoming, or the archive with ?when=past), page, submit and edit.

Declared on moderation's base for reviewed content (moderation.kinds); who previews and edits
an event is its publishing policy (events.policy). The feeds are in events.feeds.
"""

from django.utils.translation import gettext_lazy as _

from moderation.kinds import ReviewedViews

from .filters import EventFilterSet
from .forms import EventForm
from .models import Event
from .services import create_event, update_event
from .structured_data import event_data


class EventViews(ReviewedViews):
    model = Event
    form_class = EventForm
    filterset_class = EventFilterSet
    structured_data = staticmethod(event_data)
    create_service = staticmethod(create_event)
    update_service = staticmethod(update_event)
    create_title = _("Submit an event")
    list_name, object_name = "events", "event"
    image_field = "image"
