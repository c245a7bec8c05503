"""Projects get the yearly "still up to date?" confirmation like organisations
(listings.confirmation knows no kind by name)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from listings.choices import Role
from listings.confirmation import CONFIRMATION_REQUESTED, LISTING_CONFIRMED, request_confirmations
from tests.factories.accounts import UserFactory
from tests.factories.listings import ProjectFactory, ProjectMembershipFactory
from tests.support.mail import links_in, text_of

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def stale_project():
    project = ProjectFactory(
        name="Repair Map Brussels", first_published_at=timezone.now() - timedelta(days=400)
    )
    owner = UserFactory(email="owner@example.org", first_name="Ines")
    ProjectMembershipFactory(project=project, user=owner, role=Role.OWNER)
    ProjectMembershipFactory(project=project, role=Role.MEMBER, user__email="member@example.org")
    return project


def confirmation_link(message):
    [link] = [link for link in links_in(message) if "/confirm/" in link]
    return link.removeprefix("http://127.0.0.1:8000")


def test_a_project_owner_is_asked_once_a_year_with_the_projects_own_pages(
    stale_project, mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        asked = request_confirmations()

    assert asked == 1
    [message] = mailbox.wait_for("owner@example.org")
    assert mailbox.to("member@example.org") == []
    assert message["Subject"].strip() == "[DSI Hub] Is “Repair Map Brussels” still up to date?"
    assert "Hello Ines," in text_of(message)
    assert "http://127.0.0.1:8000/projects/repair-map-brussels/" in links_in(message)
    assert confirmation_link(message).startswith("/projects/repair-map-brussels/confirm/")
    assert ModelLogEntry.objects.filter(
        object_id=str(stale_project.pk), action=CONFIRMATION_REQUESTED
    ).exists()


def test_a_project_owner_confirms_from_the_link_and_is_not_asked_again(
    client, stale_project, mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request_confirmations()
    link = confirmation_link(mailbox.wait_for("owner@example.org")[0])
    client.force_login(stale_project.memberships.get(role=Role.OWNER).user)

    page = client.get(link)
    response = client.post(link)

    stale_project.refresh_from_db()
    assert "Please look over the project’s page." in page.text
    assert response.status_code == 302
    assert response.url == "/projects/repair-map-brussels/"
    assert timezone.now() - stale_project.last_confirmed_at < timedelta(minutes=1)
    assert ModelLogEntry.objects.filter(
        object_id=str(stale_project.pk), action=LISTING_CONFIRMED
    ).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert request_confirmations(now=timezone.now() + timedelta(days=300)) == 0
