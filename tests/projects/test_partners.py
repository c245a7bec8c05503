"""Naming a partner organisation tells its owners, who may decline the link (issue 19)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from projects.models import Project
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.support.forms import project_data
from tests.support.mail import link_containing, path_of, text_of
from tests.support.moderation import submit

pytestmark = pytest.mark.django_db


def decline_url(project, organisation):
    return reverse(
        "projects:project-decline-partner", kwargs={"slug": project.slug, "org": organisation.slug}
    )


@pytest.fixture
def partner_owner():
    return UserFactory(email="seeds@example.org", first_name="Sid", last_name="Seeds")


@pytest.fixture
def seed_library(partner_owner):
    return OrganisationFactory(name="Seed Library", slug="seed-library", owner=partner_owner)


def test_naming_a_partner_emails_its_owners_with_a_decline_link(
    client, owner, seed_library, mailbox
):
    client.force_login(owner)
    client.post("/projects/new/", project_data(partners_add="Seed Library\n"))

    [message] = mailbox.wait_for("seeds@example.org")
    assert message["Subject"].strip() == (
        "[DSI Hub] Your organisation was named as a partner of “Repair Map”"
    )
    assert "Olga Owner named Seed Library as a partner organisation" in text_of(message)
    project = Project.objects.get()
    assert path_of(link_containing(message, "/decline/")) == decline_url(project, seed_library)


def test_own_organisations_and_partners_already_named_are_not_told_again(
    client, owner, seed_library, mailbox
):
    OrganisationFactory(name="My Kitchen", owner=owner)
    project = ProjectFactory(name="Repair Map", owner=owner, organisations=[seed_library])

    submit(project, by=owner, short_description="Still partners.")

    assert mailbox.to("seeds@example.org") == []
    assert mailbox.to("owner@example.org") == []


def test_an_edit_naming_a_new_partner_tells_it(owner, seed_library, mailbox, client):
    project = ProjectFactory(name="Repair Map", owner=owner)
    client.force_login(owner)
    client.post(f"/projects/{project.slug}/edit/", project_data(partners_add="Seed Library\n"))

    [message] = mailbox.wait_for("seeds@example.org")
    assert "Repair Map" in message["Subject"]


def test_an_owner_declines_and_the_link_goes_and_the_project_owners_hear(
    client, owner, seed_library, partner_owner, mailbox
):
    project = ProjectFactory(name="Repair Map", owner=owner, organisations=[seed_library])
    client.force_login(partner_owner)

    page = client.get(decline_url(project, seed_library))
    response = client.post(decline_url(project, seed_library))

    assert "Remove the link" in page.text
    assert response.url == seed_library.get_absolute_url()
    assert list(Project.objects.get(pk=project.pk).organisations.all()) == []
    [note] = mailbox.wait_for("owner@example.org")
    assert note["Subject"] == "[DSI Hub] Seed Library declined to be named as a partner"


def test_declining_removes_the_partner_from_the_pending_version_too(
    client, owner, seed_library, partner_owner
):
    project = ProjectFactory(name="Repair Map", owner=owner)
    submit(project, by=owner, organisations=[seed_library])  # an edit awaiting review
    client.force_login(partner_owner)

    client.post(decline_url(project, seed_library))

    project.refresh_from_db()
    assert list(project.get_latest_revision_as_object().organisations.all()) == []


@pytest.mark.parametrize("who", ["stranger", "project_owner", "member"])
def test_only_the_partners_owners_may_decline(client, owner, seed_library, who):
    member = UserFactory()
    seed_library.memberships.create(user=member, role="member")
    project = ProjectFactory(name="Repair Map", owner=owner, organisations=[seed_library])
    people = {"stranger": UserFactory(), "project_owner": owner, "member": member}
    client.force_login(people[who])

    response = client.post(decline_url(project, seed_library))

    assert response.status_code == 403
    assert list(Project.objects.get(pk=project.pk).organisations.all()) == [seed_library]


def test_declining_asks_anonymous_visitors_to_log_in(client, owner, seed_library):
    project = ProjectFactory(name="Repair Map", owner=owner, organisations=[seed_library])

    response = client.post(decline_url(project, seed_library))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_preview_lists_the_submitters_own_pending_organisation(client, owner):
    mine = OrganisationFactory(name="My Kitchen", owner=owner, pending=True)
    project = ProjectFactory(name="Repair Map", owner=owner, pending=True, organisations=[mine])
    client.force_login(owner)

    response = client.get(project.get_absolute_url())

    page = BeautifulSoup(response.text, "html.parser")
    items = [li.get_text(" ", strip=True) for li in page.select("#organisations-title + ul li")]
    assert items == ["My Kitchen Awaiting review: only you and its members see it here"]


def test_others_never_see_a_pending_partner(client, owner):
    mine = OrganisationFactory(name="My Kitchen", owner=owner, pending=True)
    project = ProjectFactory(name="Repair Map", owner=owner, organisations=[mine])
    colleague = UserFactory()
    project.memberships.create(user=colleague, role="member")

    anonymous = client.get(project.get_absolute_url())
    client.force_login(colleague)
    as_colleague = client.get(project.get_absolute_url())

    assert "My Kitchen" not in anonymous.text
    assert "My Kitchen" not in as_colleague.text
