"""The events' pages: list (upcoming, or the archive), page, submit and edit."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from listings.views import CachedFilterListMixin
from moderation.roles import is_editor, is_moderator
from moderation.status import review_status
from moderation.views import ModeratedCreateView, ModeratedEditView

from .filters import EventFilterSet
from .forms import EventForm
from .models import Event
from .services import create_event, update_event
from .structured_data import event_data

PAGE_SIZE = 20


class EventListView(CachedFilterListMixin, FilterView):
    """Published events, upcoming by default (the next occurrence first), or the past ones."""

    model = Event
    filterset_class = EventFilterSet
    paginate_by = PAGE_SIZE
    context_object_name = "events"
    template_name = "events/event_list.html"
    cache_for_visitors = True

    def get_queryset(self):
        return Event.objects.published().for_cards()

    def get_filterset_kwargs(self, filterset_class):
        # Always bound: without parameters the list is "upcoming", not every event.
        return {**super().get_filterset_kwargs(filterset_class), "data": self.request.GET}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            past=self.filterset.past, filter_form=self.filter_form_html(), **kwargs
        )


class EventDetailView(DetailView):
    """An event's page: public once published; before that, its submitter, the leads of its
    clusters and moderators only."""

    context_object_name = "event"
    template_name = "events/event_detail.html"
    cache_for_visitors = True

    def get_object(self, queryset=None):
        event = get_object_or_404(Event.objects.for_page(), slug=self.kwargs["slug"])
        if not event.live and not event.may_preview(self.request.user):
            raise Http404
        return event

    def get_context_data(self, **kwargs):
        event, user = self.object, self.request.user
        page_url = self.request.build_absolute_uri(event.get_absolute_url())
        image_url = self.request.build_absolute_uri(event.image.url) if event.image else ""
        insider = user.is_authenticated and event.may_preview(user)
        return super().get_context_data(
            page_url=page_url,
            can_edit=may_edit(event, user),
            review=review_status(event) if insider else None,
            structured_data=event_data(event, url=page_url, image_url=image_url),
            **kwargs,
        )


def may_edit(event, user):
    """Its submitter, moderators and editors edit an event."""
    if not user.is_authenticated:
        return False
    return user.pk == event.owner_id or is_moderator(user) or is_editor(user)


class EventFormPageMixin:
    model = Event
    form_class = EventForm
    template_name = "events/event_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=self.page_title(),
            cancel_url=self.cancel_url(),
            places_url=reverse("taxonomy:place-search"),
            **kwargs,
        )


class EventCreateView(EventFormPageMixin, ModeratedCreateView):
    create_service = staticmethod(create_event)

    def page_title(self):
        return _("Submit an event")

    def cancel_url(self):
        return reverse("events:event-list")


class EventEditView(EventFormPageMixin, ModeratedEditView):
    update_service = staticmethod(update_event)

    def page_title(self):
        return _("Edit %(name)s") % {"name": self.object.title}

    def cancel_url(self):
        return self.object.get_absolute_url()

    def may_edit(self, obj, user):
        return may_edit(obj, user)

    def may_view(self, obj, user):
        return obj.live or obj.may_preview(user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.object, listing=self.object, **kwargs)
