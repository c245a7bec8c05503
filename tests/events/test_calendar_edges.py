"""Dates at the calendar's edges and time zones that are not places: a clear message at the
field, the input kept, never a server error (issue 16, item 2)."""

import datetime as dt

import pytest
from django.urls import reverse

from events.forms import time_zone_choices
from events.models import Event
from events.recurrence import occurrence_window
from tests.factories.events import EventFactory
from tests.support.forms import event_data
from tests.support.people import login

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("events:event-create")
OUT_OF_RANGE = "Choose a date between the years 1900 and 2200."


def errors_of(response):
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


@pytest.mark.parametrize(
    ("start", "end", "zone"),
    [
        ("9999-12-31T22:00", "9999-12-31T23:00", "Pacific/Pago_Pago"),
        ("0001-01-01T00:00", "0001-01-01T02:00", "Asia/Tokyo"),
        ("2201-01-01T00:00", "2201-01-01T02:00", "Europe/Brussels"),
        ("1899-12-31T10:00", "1899-12-31T12:00", "Europe/Brussels"),
    ],
)
def test_dates_outside_1900_to_2200_are_refused_at_the_field(client, stranger, start, end, zone):
    response = login(client, stranger).post(
        CREATE_URL, event_data(start=start, end=end, timezone=zone)
    )

    assert response.status_code == 200
    assert errors_of(response) == {"start": [OUT_OF_RANGE], "end": [OUT_OF_RANGE]}
    assert f'value="{start}"' in response.text
    assert Event.objects.count() == 0


def test_dates_at_the_edges_of_the_range_are_accepted(client, moderator):
    data = event_data(
        start="2200-12-31T20:00", end="2200-12-31T22:00", timezone="Pacific/Pago_Pago"
    )

    response = login(client, moderator).post(CREATE_URL, data)

    assert response.status_code == 302
    assert Event.objects.get().start == dt.datetime(2201, 1, 1, 7, tzinfo=dt.UTC)


def test_weekly_repeat_until_year_9999_is_refused_at_the_field(client, stranger):
    data = event_data(
        start="9998-01-01T10:00",
        end="9998-01-01T12:00",
        recurrence="WEEKLY",
        recurrence_until="9999-12-31",
    )

    response = login(client, stranger).post(CREATE_URL, data)

    assert response.status_code == 200
    assert errors_of(response)["recurrence_until"] == [OUT_OF_RANGE]
    assert 'value="9999-12-31"' in response.text


def test_a_stored_rule_reaching_year_9999_expands_without_overflow():
    event = EventFactory()
    # As a row written before the range check could hold it.
    event.start = dt.datetime(9999, 12, 3, 22, tzinfo=dt.UTC)  # the last one ends past 9999
    event.end = event.start + dt.timedelta(hours=2)
    event.timezone = "UTC"
    event.recurrence, event.recurrence_until = "WEEKLY", dt.date(9999, 12, 31)

    next_start, last_end = occurrence_window(event, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))

    assert next_start == event.start
    assert last_end >= event.end


@pytest.mark.parametrize("zone", ["localtime", "Factory", "US/Pacific", "Europe/Kiev", "EST"])
def test_zones_that_are_not_canonical_places_are_refused(client, stranger, zone):
    response = login(client, stranger).post(CREATE_URL, event_data(timezone=zone))

    assert errors_of(response) == {
        "timezone": [f"“{zone}” is not a time zone we know. Choose one from the list."]
    }


def test_time_zones_are_offered_by_region_and_start_on_the_citys(client, stranger):
    groups = dict(time_zone_choices()[1:])
    response = login(client, stranger).get(CREATE_URL)

    assert ("Europe/Kyiv", "Kyiv") in groups["Europe"]
    assert ("America/Argentina/Buenos_Aires", "Argentina/Buenos Aires") in groups["America"]
    assert all("localtime" not in dict(zones) for zones in groups.values())
    assert '<optgroup label="Europe">' in response.text
    assert '<option value="" selected>The city&#x27;s time zone</option>' in response.text
    assert '<option value="Europe/Brussels">Brussels</option>' in response.text


def test_the_submitters_country_no_longer_picks_the_time_zone(client, stranger):
    """The event's city does (events.forms.EventForm._zone_from_city), not where its submitter
    lives: a Portuguese member's event in Barcelona is on Madrid time."""
    stranger.country = "PT"
    stranger.save()

    response = login(client, stranger).get(CREATE_URL)

    assert '<option value="Europe/Lisbon">Lisbon</option>' in response.text


def test_an_event_saved_with_a_legacy_alias_keeps_its_zone_on_its_page():
    """Rows written before only canonical zones were accepted are still shown in their zone."""
    event = EventFactory(timezone="US/Pacific")

    assert str(Event.objects.get(pk=event.pk).zone) == "US/Pacific"
