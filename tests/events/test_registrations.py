"""What events add to other pages: reports, data export, account deletion, dashboard,
the organiser's page."""

import json

import pytest

from accounts.services import delete_account
from clusters.models import Cluster
from events.models import Event
from moderation.models import Report
from tests.factories.accounts import UserFactory
from tests.factories.events import EventFactory, days_from_now
from tests.support.people import login

pytestmark = pytest.mark.django_db


def test_published_event_can_be_reported(client, stranger):
    event = EventFactory(title="Spammy meetup")

    response = login(client, stranger).post(
        f"/report/events/event/{event.pk}/",
        {"reason": "spam", "text": "An advert.", "contact_fax": ""},
    )

    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.subject, report.reporter, report.reason) == (event, stranger, "spam")


def test_pending_event_cannot_be_reported(client, stranger):
    event = EventFactory(pending=True)

    response = login(client, stranger).get(f"/report/events/event/{event.pk}/")

    assert response.status_code == 404


def test_data_export_lists_the_events_i_submitted(client, stranger):
    EventFactory(title="My breakfast", submitted_by=stranger, timezone="Europe/Madrid")
    EventFactory(title="Someone else's")

    response = login(client, stranger).post("/account/export/")

    data = json.loads(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert [(e["title"], e["timezone"], e["published"]) for e in data["events"]] == [
        ("My breakfast", "Europe/Madrid", True)
    ]


def test_deleting_my_account_keeps_my_published_events_without_me(stranger):
    event = EventFactory(title="Community dinner", submitted_by=stranger)

    delete_account(stranger, confirmed_email=stranger.email)

    event.refresh_from_db()
    assert (event.live, event.submitted_by) == (True, None)
    assert "Sam Stranger" not in json.dumps(
        Event.objects.filter(pk=event.pk).values().get(), default=str
    )


def test_dashboard_shows_my_events_and_my_clusters_events_pending_and_published(client):
    lead = UserFactory()
    cluster = Cluster.objects.get(slug="digital-democracy")
    cluster.leads.add(lead)
    EventFactory(title="Mine", submitted_by=lead)
    EventFactory(title="Waiting for my cluster", clusters=[cluster], pending=True)
    EventFactory(title="Live in my cluster", clusters=[cluster])
    EventFactory(title="Elsewhere")

    html = login(client, lead).get("/dashboard/").text

    own, led = html.split('id="dashboard-cluster-events"')
    assert "Mine" in own
    assert "Waiting for my cluster" in led and "Awaiting review" in led
    assert "Live in my cluster" in led and "Published" in led
    assert "Elsewhere" not in html


def test_dashboard_of_someone_leading_nothing_has_no_cluster_events(client, stranger):
    html = login(client, stranger).get("/dashboard/").text

    assert "You have not submitted any events yet." in html
    assert "Events of the clusters you lead" not in html


def test_organisation_page_lists_its_upcoming_events(client, organisation):
    EventFactory(title="Open day", organiser=organisation)
    EventFactory(title="Last year's open day", organiser=organisation, start=days_from_now(-300))
    EventFactory(title="Not approved", organiser=organisation, pending=True)

    html = client.get(organisation.get_absolute_url()).text

    assert '<h2 id="events-title">Events</h2>' in html
    assert "Open day" in html
    assert "Last year's open day" not in html and "Not approved" not in html


@pytest.mark.parametrize("count", [1, 20])
def test_dashboard_events_cost_the_same_queries_for_1_and_20(
    client, django_assert_num_queries, count
):
    from accounts.sections import dashboard_sections

    lead = UserFactory()
    cluster = Cluster.objects.get(slug="digital-democracy")
    cluster.leads.add(lead)
    for _ in range(count):
        EventFactory(submitted_by=lead, clusters=[cluster])
        EventFactory(clusters=[cluster], pending=True)

    # 5 events, 3 funding, 1 stories, 1 resources, 7 listings, 1 newsletter
    with django_assert_num_queries(18):
        [section] = [s for s in dashboard_sections(lead) if s.key == "events"]

    assert (len(section.context["own"]), len(section.context["cluster_events"])) == (
        count,
        2 * count,
    )
