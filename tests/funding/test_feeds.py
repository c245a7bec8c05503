"""The RSS feed of open calls and the iCalendar file of deadlines."""

import datetime as dt
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.conf import settings

from tests.factories.funding import FundingCallFactory, in_days

pytestmark = pytest.mark.django_db


def events_of(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_ics_has_one_all_day_event_per_closing_date(client):
    call = FundingCallFactory(title="Civic Fund", closes_on=in_days(10))
    FundingCallFactory(title="Rolling Fund", closes_on=None)
    FundingCallFactory(title="Closed Fund", closes_on=in_days(-2))
    FundingCallFactory(title="Draft Fund", pending=True)

    response = client.get("/funding/deadlines.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    [event] = events_of(response)
    start = event.decoded("dtstart")
    assert type(start) is dt.date
    assert start == in_days(10)
    assert event.decoded("dtend") == in_days(11)
    assert str(event["summary"]) == "Deadline: Civic Fund"
    assert str(event["url"]) == f"http://testserver{call.get_absolute_url()}"


def test_ics_uids_are_stable_across_edits_and_requests(client):
    call = FundingCallFactory(title="Civic Fund", closes_on=in_days(10))
    [before] = events_of(client.get("/funding/deadlines.ics"))

    call.title = "Civic Fund, second round"
    call.closes_on = in_days(12)
    call.save()
    [after] = events_of(client.get("/funding/deadlines.ics"))

    assert (
        str(before["uid"])
        == str(after["uid"])
        == f"funding-call-{call.pk}@{settings.CALENDAR_UID_DOMAIN}"
    )
    assert after.decoded("dtstart") == in_days(12)


def test_rss_lists_open_calls_with_their_deadline(client):
    FundingCallFactory(title="Civic Fund", closes_on=in_days(10))
    FundingCallFactory(title="Rolling Fund", closes_on=None)
    FundingCallFactory(title="Closed Fund", closes_on=in_days(-2))

    response = client.get("/funding/feed.rss")

    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own feed
    items = {item.findtext("title"): item.findtext("description") for item in channel.iter("item")}
    assert set(items) == {"Civic Fund", "Rolling Fund"}
    assert items["Civic Fund"].endswith(f"Closes on {in_days(10).isoformat()}.")
    assert items["Rolling Fund"].endswith("Rolling: apply any time.")


@pytest.mark.parametrize("path", ["/funding/feed.rss", "/funding/deadlines.ics"])
@pytest.mark.parametrize("count", [1, 20])
def test_feeds_cost_a_fixed_number_of_queries(client, django_assert_num_queries, path, count):
    for number in range(count):
        FundingCallFactory(title=f"Fund {number}", closes_on=in_days(number + 1))

    with django_assert_num_queries(1):
        response = client.get(path)

    assert response.content.count(b"Fund ") >= count
