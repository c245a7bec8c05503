"""The events' pages: list (upcoming, or the archive with ?when=past), page, submit and edit.

Declared on moderation's base for reviewed content (moderation.kinds); who previews and edits
an event is its publishing policy (events.policy). The feeds are in events.feeds.
"""

from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from moderation.kinds import ReviewedCreateView, ReviewedViews

from .filters import EventFilterSet
from .forms import EventForm
from .models import Event
from .services import create_event, update_event
from .structured_data import event_data


class EventCreateView(ReviewedCreateView):
    """Submitting an event; from a cluster's "Post an event" (?cluster=<slug>) the cluster is
    ticked, for that cluster's leads only (anyone else gets the empty form)."""

    def get_initial(self):
        initial = super().get_initial()
        cluster = Cluster.objects.led_by_with_slug(
            self.request.user, self.request.GET.get("cluster")
        )
        if cluster is not None:
            initial["clusters"] = [cluster.pk]
        return initial


class EventViews(ReviewedViews):
    model = Event
    form_class = EventForm
    filterset_class = EventFilterSet
    structured_data = staticmethod(event_data)
    create_service = staticmethod(create_event)
    update_service = staticmethod(update_event)
    create_title = _("Submit an event")
    list_name, object_name = "events", "event"
    create_view = EventCreateView
    image_field = "image"
