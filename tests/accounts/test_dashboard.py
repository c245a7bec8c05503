"""The dashboard: my listings and their review state, what waits for me, my reports."""

import pytest
from django.contrib.contenttypes.models import ContentType

from listings.choices import Role
from moderation.models import Report
from organisations.models import Organisation
from tests.factories.accounts import UserFactory
from tests.factories.listings import (
    InvitationFactory,
    JoinRequestFactory,
    OrganisationFactory,
    ProjectFactory,
)
from tests.support.moderation import decide, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def me(client):
    user = UserFactory(email="ada@example.org", first_name="Ada", last_name="Lovelace")
    client.force_login(user)
    return user


def row_of(text, name):
    """The table row (<tr>…</tr>) that names `name`."""
    start = text.index(f">{name}</a>")
    return text[text.rindex("<tr>", 0, start) : text.index("</tr>", start)]


def test_dashboard_needs_a_login(client):
    response = client.get("/dashboard/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_dashboard_shows_each_review_state(client, me, moderator):
    OrganisationFactory(name="Live Kitchen", owner=me)
    submit(OrganisationFactory(name="Brand New Lab", owner=me, pending=True), by=me)
    edited = OrganisationFactory(name="Edited Commons", owner=me)
    submit(edited, by=me, short_description="A fresher sentence.")
    refused = submit(OrganisationFactory(name="Refused Network", owner=me, pending=True), by=me)
    decide(refused, moderator, "reject", comment="Tell us more.")

    text = client.get("/dashboard/").text

    assert "Published" in row_of(text, "Live Kitchen")
    assert "Awaiting review" in row_of(text, "Brand New Lab")
    assert "Changes awaiting review" in row_of(text, "Edited Commons")
    assert "Needs changes" in row_of(text, "Refused Network")


def test_dashboard_shows_my_projects_with_my_role(client, me):
    ProjectFactory(name="Seed Library", members=[me])
    submit(ProjectFactory(name="Repair Café Map", admins=[me], pending=True), by=me)

    text = client.get("/dashboard/").text

    assert "Member" in row_of(text, "Seed Library")
    assert "Published" in row_of(text, "Seed Library")
    assert "Admin" in row_of(text, "Repair Café Map")
    assert "Awaiting review" in row_of(text, "Repair Café Map")


def test_dashboard_links_managers_to_the_edit_page_and_members_to_the_page_only(client, me):
    managed = OrganisationFactory(name="Open Kitchen", admins=[me])
    joined = OrganisationFactory(name="Food Bank Tech", members=[me])

    text = client.get("/dashboard/").text

    assert f'href="{managed.get_absolute_url()}"' in row_of(text, "Open Kitchen")
    assert f'href="{managed.get_edit_url()}"' in row_of(text, "Open Kitchen")
    assert f'href="{joined.get_absolute_url()}"' in row_of(text, "Food Bank Tech")
    assert "/edit/" not in row_of(text, "Food Bank Tech")


def test_dashboard_does_not_show_other_peoples_listings(client, me):
    OrganisationFactory(name="Someone Else's Org", owner=UserFactory())

    text = client.get("/dashboard/").text

    assert "Someone Else" not in text
    assert "You are not a member of any organisation yet." in text
    assert "You are not a member of any project yet." in text


def test_dashboard_offers_to_register_an_organisation_and_a_project(client, me):
    text = client.get("/dashboard/").text

    assert (
        '<a class="btn btn--primary" href="/organisations/new/">Register an organisation</a>'
        in text
    )
    assert '<a class="btn btn--primary" href="/projects/new/">Register a project</a>' in text


def test_dashboard_shows_invitations_and_join_requests_waiting_for_me(client, me):
    owner = UserFactory()
    inviting = OrganisationFactory(name="Civic Tech Club", owner=owner)
    InvitationFactory(
        organisation=inviting, email="ada@example.org", role=Role.MEMBER, invited_by=owner
    )
    mine = OrganisationFactory(name="Open Kitchen", owner=me)
    JoinRequestFactory(organisation=mine, user=UserFactory(first_name="Grace", last_name="Hopper"))

    text = client.get("/dashboard/").text

    assert "You are invited to join Civic Tech Club as Member." in text
    assert "Grace Hopper asks to join Open Kitchen." in text


def test_dashboard_shows_my_reports(client, me):
    reported = OrganisationFactory(name="Spammy Org", owner=UserFactory())
    Report.objects.create(
        reporter=me,
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=str(reported.pk),
        subject_label="Spammy Org",
        reason="spam",
        text="Sells watches.",
    )
    Report.objects.create(
        reporter=UserFactory(),
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=str(reported.pk),
        subject_label="Someone else's report",
        reason="other",
        text="…",
    )

    text = client.get("/dashboard/").text

    assert '<th scope="row">Spammy Org</th>' in text
    assert "Spam or advertising" in text
    assert "Someone else&#x27;s report" not in text


@pytest.mark.parametrize("count", [1, 10])
def test_dashboard_costs_the_same_queries_whatever_i_belong_to(
    client, me, moderator, django_assert_num_queries, count
):
    for n in range(count):
        OrganisationFactory(name=f"Live Org {n}", owner=me)
        pending = submit(
            OrganisationFactory(name=f"Pending Org {n}", owner=me, pending=True), by=me
        )
        ProjectFactory(name=f"Project {n}", members=[me])
        JoinRequestFactory(organisation=pending)
    decide(pending, moderator, "reject")

    # 14; funding's section: saved calls, the areas and countries of each kind of listing I
    # belong to, and the open calls that fit them (4); events: my events and the clusters I lead
    # (2); stories: the clusters I lead and whether I edit (2), the resources I submitted (1)
    with django_assert_num_queries(24):
        response = client.get("/dashboard/")

    assert response.text.count("Awaiting review") == count - 1
    assert response.text.count("Needs changes") == 1


def test_dashboard_offers_the_newsletter_and_then_links_to_my_preferences(client, me):
    from newsletter.services.subscriptions import subscribe_account

    before = client.get("/dashboard/")
    subscribe_account(me)
    after = client.get("/dashboard/")

    assert f"Subscribe {me.email}" in before.text
    assert "You are subscribed." in after.text
    assert "/newsletter/preferences/" in after.text
