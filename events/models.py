"""Community events: moderated like listings (moderation.ModeratedModel), with their own
publishing policy (events.policy) and an optional weekly/monthly recurrence.

`next_start` and `last_end` are derived from the dates and the rule on every save (and hourly by
`events.refresh_occurrences` for recurring events), so listings filter and sort by the next
occurrence in SQL.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from accounts.uploads import random_name
from listings.dates import in_calendar_range, validate_in_calendar_range
from moderation.models import ModeratedQuerySet, ReviewedModel, optional_link, optional_links
from taxonomy.models import Placed

from .choices import PLACED_FORMATS, EventFormat, Frequency
from .policy import EventPublishingPolicy
from .recurrence import MAX_COUNT, occurrence_window, rrule_text, zone_named
from .time_zones import canonical_zone_names

NEW_FOR_DAYS = 7
MAX_RECURRENCE_DAYS = 2 * 366
http_url = URLValidator(schemes=["http", "https"])


def validate_time_zone(name):
    if name not in canonical_zone_names():
        raise ValidationError(
            _("“%(name)s” is not a time zone we know. Choose one from the list."),
            code="unknown_time_zone",
            params={"name": name},
        )


class EventQuerySet(ModeratedQuerySet):
    def upcoming(self, now=None):
        """Events with an occurrence that has not ended, the next one first."""
        return self.filter(last_end__gte=now or timezone.now()).order_by("next_start", "pk")

    def past(self, now=None):
        """Events whose last occurrence has ended, the most recent first."""
        return self.filter(last_end__lt=now or timezone.now()).order_by("-next_start", "-pk")

    def for_cards(self):
        """What an event card shows: place, organiser and clusters, in a fixed number of queries."""
        return (
            self.select_related("city", "organiser")
            .prefetch_related("clusters")
            .defer("body", "address", "organiser__description")
        )

    def for_page(self):
        """An event's page: place, organiser, clusters and areas."""
        cluster_model = self.model._meta.get_field("clusters").related_model
        return self.select_related("city", "organiser", "submitted_by").prefetch_related(
            Prefetch("clusters", queryset=cluster_model.objects.order_by("sort_order")),
            "areas",
        )

    def for_cluster(self, cluster):
        return self.filter(clusters=cluster)

    def led_by(self, user):
        """Events posted for clusters that `user` leads."""
        return self.filter(clusters__leads=user).distinct()


class Event(index.Indexed, ReviewedModel, Placed):
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown on cards and in feeds."),
    )
    body = models.TextField(_("description"), blank=True)
    start = models.DateTimeField(_("starts"), validators=[validate_in_calendar_range])
    end = models.DateTimeField(_("ends"), validators=[validate_in_calendar_range])
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("The time zone of the place where the event happens (or of its organisers)."),
    )
    format = models.CharField(
        _("format"), max_length=10, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    online_url = models.URLField(_("online address"), blank=True, validators=[http_url])
    registration_url = models.URLField(_("registration page"), blank=True, validators=[http_url])
    is_free = models.BooleanField(_("free of charge"), default=False)
    price = models.CharField(_("price"), max_length=100, blank=True)
    organiser = optional_link(
        "organisations.Organisation", related_name="events", verbose_name=_("organiser")
    )
    clusters = optional_links("clusters.Cluster", related_name="events", verbose_name=_("clusters"))
    areas = optional_links(
        "taxonomy.AreaOfImpact", related_name="events", verbose_name=_("areas of impact")
    )
    # Private until published, then moved out of pending/ (moderation.uploads).
    image = models.ImageField(
        _("image"), upload_to=random_name("pending/events/images"), blank=True
    )
    recurrence = models.CharField(
        _("repeats"), max_length=10, choices=Frequency.choices, blank=True
    )
    recurrence_until = models.DateField(
        _("repeats until"), null=True, blank=True, validators=[validate_in_calendar_range]
    )
    recurrence_count = models.PositiveSmallIntegerField(_("number of times"), null=True, blank=True)
    next_start = models.DateTimeField(_("next occurrence"), null=True, editable=False)
    last_end = models.DateTimeField(_("last occurrence ends"), null=True, editable=False)

    objects = EventQuerySet.as_manager()
    publishing_policy = EventPublishingPolicy()

    search_fields = [*ReviewedModel.search_fields, index.SearchField("summary")]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["next_start", "pk"]
        indexes = [
            models.Index(
                fields=["last_end", "next_start"],
                condition=Q(live=True),
                name="event_listing_order",
            ),
            # upcoming events soonest first (the list, the home page, the feeds): the planner
            # walks this index and stops after a page instead of joining and sorting every row
            models.Index(
                fields=["next_start", "id"], condition=Q(live=True), name="event_next_order"
            ),
        ]

    def save(self, *args, **kwargs):
        self.refresh_occurrences()
        super().save(*args, **kwargs)

    def refresh_occurrences(self, now=None):
        """Derive `next_start` and `last_end`; returns whether they changed."""
        if self.start is None or self.end is None:
            return False
        before = (self.next_start, self.last_end)
        self.next_start, self.last_end = occurrence_window(self, now or timezone.now())
        return before != (self.next_start, self.last_end)

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.format in PLACED_FORMATS and not self.city_id:
            errors["city"] = _("Events that happen in a place need the city they happen in.")
        errors.update(self._recurrence_errors())
        if errors:
            raise ValidationError(errors)

    def _recurrence_errors(self):
        if not self.recurrence:
            return {}
        if not self.recurrence_until and not self.recurrence_count:
            return {"recurrence_count": _("Say how many times it repeats, or until when.")}
        if self.recurrence_count and not 2 <= self.recurrence_count <= MAX_COUNT:
            return {
                "recurrence_count": _("Between 2 and %(max)s times, please.") % {"max": MAX_COUNT}
            }
        if self.recurrence_until and self.start and in_calendar_range(self.start):
            first = self.start.date()
            if not first < self.recurrence_until <= first + dt.timedelta(MAX_RECURRENCE_DAYS):
                return {
                    "recurrence_until": _(
                        "Choose a date after the first occurrence and within two years of it."
                    )
                }
        return {}

    # What pages and feeds show -----------------------------------------------------------------

    @cached_property
    def zone(self):
        return zone_named(self.timezone) or dt.UTC

    @property
    def duration(self):
        return self.end - self.start

    @property
    def next_end(self):
        return self.next_start + self.duration if self.next_start else self.end

    @property
    def rrule(self):
        return rrule_text(self)

    @property
    def is_new(self):
        published = self.first_published_at
        return bool(published) and timezone.now() - published < dt.timedelta(days=NEW_FOR_DAYS)

    @property
    def is_placed(self):
        return self.format in PLACED_FORMATS

    def get_absolute_url(self):
        return reverse("events:event-detail", kwargs={"slug": self.slug})

    def get_edit_url(self):
        return reverse("events:event-edit", kwargs={"slug": self.slug})

    def get_calendar_url(self):
        return reverse("events:event-calendar", kwargs={"slug": self.slug})
