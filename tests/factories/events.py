"""Events in any review state. Published unless `pending=True` (a draft nobody approved,
outside the review workflow); to go through moderation, use the form or events.services."""

import datetime as dt

import factory
from django.utils import timezone

from events.choices import EventFormat
from events.models import Event
from tests.factories.taxonomy import PlaceFactory


def days_from_now(days, hour=18, zone="Europe/Brussels"):
    """An aware datetime `days` days from today at `hour`:00 in `zone`."""
    from zoneinfo import ZoneInfo

    today = timezone.now().astimezone(ZoneInfo(zone)).date()
    return dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour), ZoneInfo(zone))


class EventFactory(factory.django.DjangoModelFactory):
    """An in-person event in a fresh place ten days from now, two hours long; `clusters=[...]`
    and `areas=[...]` set its clusters and areas."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Community meetup {n}")
    slug = factory.Sequence(lambda n: f"community-meetup-{n}")
    summary = "Neighbours meet to share what they build."
    start = factory.LazyFunction(lambda: days_from_now(10))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=2))
    timezone = "Europe/Brussels"
    format = EventFormat.IN_PERSON
    city = factory.SubFactory(PlaceFactory)
    country = factory.LazyAttribute(lambda o: o.city.country if o.city else "")
    live = True
    first_published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30))

    class Params:
        pending = factory.Trait(live=False, first_published_at=None)

    @factory.post_generation
    def clusters(event, create, extracted, **kwargs):
        if create and extracted:
            event.clusters.set(extracted)
            event.clusters.commit()

    @factory.post_generation
    def areas(event, create, extracted, **kwargs):
        if create and extracted:
            event.areas.set(extracted)
            event.areas.commit()
