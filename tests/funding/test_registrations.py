"""What funding adds to other pages and registries: the funder's page, matches for members,
the cluster page, the dashboard, reports, the data export and account deletion."""

import json

import pytest

from clusters.models import Cluster
from funding.models import FundingCall, ReminderSent, SavedCall
from moderation.models import Report
from taxonomy.models import AreaOfImpact
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.funding import FundingCallFactory, SavedCallFactory, in_days
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.support.people import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def health():
    return AreaOfImpact.objects.get(slug="health-and-care")


@pytest.fixture
def culture():
    return AreaOfImpact.objects.get(slug="culture-and-arts")


def section_titles(response, key):
    [section] = [s for s in response.context["extra_sections"] if s.key == key]
    return [call.title for call in section.context["calls"]]


def section_keys(response):
    return [section.key for section in response.context["extra_sections"]]


def test_the_funder_page_shows_its_open_calls(client, organisation):
    FundingCallFactory(title="Open Fund", funder_organisation=organisation)
    FundingCallFactory(title="Closed Fund", funder_organisation=organisation, closes_on=in_days(-3))
    FundingCallFactory(title="Draft Fund", funder_organisation=organisation, pending=True)
    FundingCallFactory(title="Someone Else's Fund")

    response = client.get(organisation.get_absolute_url())

    assert section_titles(response, "funding-of-funder") == ["Open Fund"]
    assert "Open funding calls" in response.text
    assert "Closed Fund" not in response.text


def test_matches_show_open_calls_in_the_areas_and_country_of_the_listing(
    client, owner, health, culture
):
    organisation = OrganisationFactory(name="Care Lab", owner=owner, country="BE", areas=[health])
    FundingCallFactory(
        title="Belgian Health", areas=[health], countries=["BE"], closes_on=in_days(9)
    )
    FundingCallFactory(title="Any Health", areas=[health], countries=[], closes_on=in_days(4))
    FundingCallFactory(title="French Health", areas=[health], countries=["FR"])
    FundingCallFactory(title="Belgian Culture", areas=[culture], countries=["BE"])
    FundingCallFactory(title="Closed Health", areas=[health], closes_on=in_days(-1))

    response = login(client, owner).get(organisation.get_absolute_url())

    assert section_titles(response, "funding-matches") == ["Any Health", "Belgian Health"]
    assert "Open funding that fits" in response.text


def test_matches_are_shown_to_members_of_a_project_too(client, owner, health):
    project = ProjectFactory(name="Care Map", owner=owner, country="BE", areas=[health])
    FundingCallFactory(title="Health Fund", areas=[health])

    response = login(client, owner).get(project.get_absolute_url())

    assert section_titles(response, "funding-matches") == ["Health Fund"]


def test_matches_are_hidden_from_strangers_and_visitors(client, owner, stranger, health):
    organisation = OrganisationFactory(name="Care Lab", owner=owner, areas=[health])
    FundingCallFactory(title="Health Fund", areas=[health])

    anonymous = client.get(organisation.get_absolute_url())
    as_stranger = login(client, stranger).get(organisation.get_absolute_url())

    for response in (anonymous, as_stranger):
        assert "funding-matches" not in section_keys(response)
        assert "Open funding that fits" not in response.text


def test_the_cluster_page_shows_the_cluster_open_calls(client):
    cluster = Cluster.objects.order_by("pk").first()
    FundingCallFactory(title="Cluster Fund", clusters=[cluster])
    FundingCallFactory(title="Other Fund")

    response = client.get(cluster.get_absolute_url())

    [section] = [s for s in response.context["sections"] if s.key == "funding"]
    assert [call.title for call in section.context["calls"]] == ["Cluster Fund"]
    assert "Cluster Fund" in response.text
    assert "Other Fund" not in response.text


def test_the_dashboard_shows_saved_calls_and_what_fits_my_listings(client, owner, health):
    OrganisationFactory(name="Care Lab", owner=owner, country="BE", areas=[health])
    SavedCallFactory(user=owner, call=FundingCallFactory(title="Saved Fund"))
    FundingCallFactory(title="Fitting Fund", areas=[health], countries=["BE", "NL"])
    FundingCallFactory(title="Unrelated Fund")

    response = login(client, owner).get("/dashboard/")

    [section] = [s for s in response.context["sections"] if s.key == "funding"]
    assert [call.title for call in section.context["saved"]] == ["Saved Fund"]
    assert [call.title for call in section.context["matches"]] == ["Fitting Fund"]
    assert "Unrelated Fund" not in response.text


def test_a_published_call_can_be_reported(client, stranger):
    call = FundingCallFactory(title="Civic Fund")
    url = f"/report/funding/fundingcall/{call.pk}/"
    page = client.get(call.get_absolute_url()).text

    response = login(client, stranger).post(url, {"reason": "spam", "text": "A scam."})

    assert f'href="{url}"' in page
    assert "“Civic Fund” to the moderators" in page

    report = Report.objects.get()
    assert response.url == call.get_absolute_url()
    assert (report.subject, report.reason, report.text) == (call, "spam", "A scam.")


def test_a_draft_call_cannot_be_reported(client, stranger):
    call = FundingCallFactory(pending=True)

    response = login(client, stranger).get(f"/report/funding/fundingcall/{call.pk}/")

    assert response.status_code == 404


def test_the_export_holds_my_submitted_and_saved_calls_and_reminders(client, stranger):
    FundingCallFactory(title="My Fund", submitted_by=stranger)
    saved = SavedCallFactory(user=stranger, call=FundingCallFactory(title="Kept Fund"))
    ReminderSent.objects.create(user=stranger, call=saved.call, threshold=14)
    SavedCallFactory(call=FundingCallFactory(title="Not Mine"))

    response = login(client, stranger).post("/account/export/")

    funding = json.loads(response.content)["funding"]
    assert [row["title"] for row in funding["submitted_calls"]] == ["My Fund"]
    assert [row["title"] for row in funding["saved_calls"]] == ["Kept Fund"]
    assert [(r["title"], r["days_before"]) for r in funding["reminders"]] == [("Kept Fund", 14)]


def test_deleting_my_account_deletes_saved_calls_and_reminders_and_keeps_my_calls(client):
    me = UserFactory(email="ada@example.org")
    mine = FundingCallFactory(title="My Fund", submitted_by=me)
    saved = SavedCallFactory(user=me, call=mine)
    ReminderSent.objects.create(user=me, call=saved.call, threshold=3)

    response = login(client, me).post(
        "/account/delete/", {"email": "ada@example.org", "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    assert SavedCall.objects.count() == ReminderSent.objects.count() == 0
    mine.refresh_from_db()
    assert mine.submitted_by is None
    assert client.get(mine.get_absolute_url()).status_code == 200
    assert FundingCall.objects.count() == 1
