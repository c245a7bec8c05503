"""Editing an event: its submitter may; edits to a published event by non-leads are reviewed."""

import pytest

from clusters.models import Cluster
from events.models import Event
from tests.factories.events import EventFactory
from tests.support.forms import event_data, form_values
from tests.support.people import login

pytestmark = pytest.mark.django_db


def edit(client, user, event, **changes):
    client = login(client, user)
    values = form_values(client.get(event.get_edit_url()).text, "listing-form")
    return client.post(event.get_edit_url(), {**values, **changes})


def test_edit_form_shows_the_times_in_the_events_zone_and_keeps_them(client, stranger):
    login(client, stranger).post("/events/new/", event_data())
    event = Event.objects.get()

    values = form_values(client.get(event.get_edit_url()).text, "listing-form")
    client.post(event.get_edit_url(), values)

    year = event.start.year
    assert values["start"] == [f"{year}-03-05T09:00"]
    assert values["timezone"] == ["Europe/Madrid"]
    assert values["city"] == ["Barcelona"]
    latest = Event.objects.get().get_latest_revision_as_object()
    assert latest.start == event.start


def test_owner_edit_of_a_published_event_waits_while_the_page_keeps_the_old_title(client, stranger):
    event = EventFactory(title="Breakfast", submitted_by=stranger)

    response = edit(client, stranger, event, title="Breakfast and lunch")

    event.refresh_from_db()
    assert response.status_code == 302
    assert (event.title, event.awaiting_review) == ("Breakfast", True)
    client.logout()
    assert "Breakfast and lunch" not in client.get(event.get_absolute_url()).text


def test_lead_edit_of_their_clusters_published_event_publishes_at_once(client):
    from tests.factories.accounts import UserFactory

    lead = UserFactory()
    cluster = Cluster.objects.get(slug="digital-democracy")
    cluster.leads.add(lead)
    event = EventFactory(title="Breakfast", submitted_by=lead, clusters=[cluster])

    edit(client, lead, event, title="Brunch")

    event.refresh_from_db()
    assert (event.title, event.awaiting_review) == ("Brunch", False)


def test_lead_edit_adding_a_cluster_they_do_not_lead_waits_for_review(client):
    from tests.factories.accounts import UserFactory

    lead = UserFactory()
    cluster = Cluster.objects.get(slug="digital-democracy")
    cluster.leads.add(lead)
    event = EventFactory(title="Breakfast", submitted_by=lead, clusters=[cluster])
    other = Cluster.objects.get(slug="health-and-care")

    edit(client, lead, event, title="Brunch", clusters=[str(cluster.pk), str(other.pk)])

    event.refresh_from_db()
    assert (event.title, event.awaiting_review) == ("Breakfast", True)
    assert list(event.clusters.all()) == [cluster]


def test_someone_else_cannot_edit(client, stranger):
    from tests.factories.accounts import UserFactory

    event = EventFactory(submitted_by=stranger)

    response = login(client, UserFactory()).post(event.get_edit_url(), {"title": "Spam"})

    assert response.status_code == 403
    assert Event.objects.get().title == event.title


def test_edit_that_starts_a_review_tells_the_leads_once(client, stranger, mailbox):
    from tests.factories.accounts import UserFactory
    from tests.support.mail import text_of

    lead = UserFactory(email="lead@example.org")
    cluster = Cluster.objects.get(slug="digital-democracy")
    cluster.leads.add(lead)
    event = EventFactory(title="Breakfast", submitted_by=stranger, clusters=[cluster])

    edit(client, stranger, event, title="Breakfast and lunch")
    edit(client, stranger, Event.objects.get(), summary="Now with lunch.")

    [message] = mailbox.wait_for("lead@example.org")
    assert "Sam Stranger changed the event" in text_of(message)
    assert "the page shows the published version" in text_of(message)
    assert len(mailbox.messages) == 1
