"""The dashboard: my listings and their review state, what waits for me, my reports."""

import pytest
from django.contrib.contenttypes.models import ContentType

from moderation.models import Report
from organisations.models import Invitation, JoinRequest, Organisation
from tests.accounts import listings
from tests.accounts.listings import ADMIN, MEMBER, OWNER
from tests.factories.accounts import UserFactory
from tests.factories.listings import decide

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
    listings.organisation("Live Kitchen", members=[(me, OWNER)])
    listings.organisation("Brand New Lab", members=[(me, OWNER)], live=False)
    edited = listings.organisation("Edited Commons", members=[(me, OWNER)])
    listings.edit_and_submit(edited, by=me, short_description="A fresher sentence.")
    refused = listings.organisation("Refused Network", members=[(me, OWNER)], live=False)
    decide(refused, moderator, "reject", comment="Tell us more.")

    text = client.get("/dashboard/").text

    assert "Published" in row_of(text, "Live Kitchen")
    assert "Awaiting review" in row_of(text, "Brand New Lab")
    assert "Changes awaiting review" in row_of(text, "Edited Commons")
    assert "Needs changes" in row_of(text, "Refused Network")


def test_dashboard_shows_my_projects_with_my_role(client, me):
    listings.project("Seed Library", members=[(me, MEMBER)])
    listings.project("Repair Café Map", members=[(me, ADMIN)], live=False)

    text = client.get("/dashboard/").text

    assert "Member" in row_of(text, "Seed Library")
    assert "Published" in row_of(text, "Seed Library")
    assert "Admin" in row_of(text, "Repair Café Map")
    assert "Awaiting review" in row_of(text, "Repair Café Map")


def test_dashboard_links_managers_to_the_edit_page_and_members_to_the_page_only(client, me):
    managed = listings.organisation("Open Kitchen", members=[(me, ADMIN)])
    joined = listings.organisation("Food Bank Tech", members=[(me, MEMBER)])

    text = client.get("/dashboard/").text

    assert f'href="{managed.get_absolute_url()}"' in row_of(text, "Open Kitchen")
    assert f'href="{managed.get_edit_url()}"' in row_of(text, "Open Kitchen")
    assert f'href="{joined.get_absolute_url()}"' in row_of(text, "Food Bank Tech")
    assert "/edit/" not in row_of(text, "Food Bank Tech")


def test_dashboard_does_not_show_other_peoples_listings(client, me):
    listings.organisation("Someone Else's Org", members=[(UserFactory(), OWNER)])

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
    inviting = listings.organisation("Civic Tech Club", members=[(owner, OWNER)])
    Invitation.objects.create(
        organisation=inviting, email="ada@example.org", role=MEMBER, invited_by=owner
    )
    mine = listings.organisation("Open Kitchen", members=[(me, OWNER)])
    JoinRequest.objects.create(
        organisation=mine, user=UserFactory(first_name="Grace", last_name="Hopper")
    )

    text = client.get("/dashboard/").text

    assert "You are invited to join Civic Tech Club as Member." in text
    assert "Grace Hopper asks to join Open Kitchen." in text


def test_dashboard_shows_my_reports(client, me):
    reported = listings.organisation("Spammy Org", members=[(UserFactory(), OWNER)])
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
        listings.organisation(f"Live Org {n}", members=[(me, OWNER)])
        pending = listings.organisation(f"Pending Org {n}", members=[(me, OWNER)], live=False)
        listings.project(f"Project {n}", members=[(me, MEMBER)])
        JoinRequest.objects.create(organisation=pending, user=UserFactory())
    decide(pending, moderator, "reject")

    with django_assert_num_queries(14):
        response = client.get("/dashboard/")

    assert response.text.count("Awaiting review") == count - 1
    assert response.text.count("Needs changes") == 1
