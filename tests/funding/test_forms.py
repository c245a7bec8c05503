"""Sharing and editing a funding call: who publishes at once, what is refused, what is kept."""

import pytest
from django.urls import reverse

from clusters.models import Cluster
from funding.models import FundingCall
from taxonomy.models import AreaOfImpact
from tests.factories.accounts import UserFactory
from tests.factories.funding import FundingCallFactory, in_days
from tests.factories.listings import OrganisationFactory
from tests.support.moderation import decide
from tests.support.people import login

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("funding:call-create")


def call_data(**overrides):
    data = {
        "title": "Neighbourhood Tech Fund",
        "summary": "Small grants for tools that neighbours build together.",
        "body": "Apply in English.\n\nDecisions within a month.",
        "url": "https://funder.example.org/neighbourhood",
        "call_type": "grant",
        "funder": "Fondation Exemple",
        "audiences": ["non-profit", "individuals"],
        "countries": ["BE", "NL"],
        "amount_min": "1000",
        "amount_max": "20000",
        "currency": "EUR",
        "opens_on": "",
        "closes_on": in_days(20).isoformat(),
        "areas": [str(AreaOfImpact.objects.get(slug="health-and-care").pk)],
        "clusters": [],
        "contact_fax": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def listed(client):
    return [call.title for call in client.get("/funding/").context["calls"]]


def share(client, user, **overrides):
    return login(client, user).post(CREATE_URL, call_data(**overrides))


@pytest.fixture
def lead():
    user = UserFactory(email="lead@example.org", first_name="Lea", last_name="Lead")
    Cluster.objects.order_by("pk").first().leads.add(user)
    return user


def test_create_page_sends_anonymous_visitors_to_log_in(client):
    response = client.get(CREATE_URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={CREATE_URL}"


def led_cluster_pk():
    return str(Cluster.objects.order_by("pk").first().pk)


def other_cluster_pk():
    return str(Cluster.objects.order_by("pk")[1].pk)


@pytest.mark.parametrize("person", ["moderator", "editor", "lead"])
def test_moderators_editors_and_leads_in_their_own_clusters_publish_at_once(
    client, request, person
):
    user = request.getfixturevalue(person)

    response = share(client, user, clusters=[led_cluster_pk()])

    call = FundingCall.objects.get()
    assert call.live is True
    assert response.url == call.get_absolute_url()
    assert call.submitted_by == user
    assert [country.code for country in call.countries] == ["BE", "NL"]
    assert call.audiences == ["non-profit", "individuals"]
    assert [a.slug for a in call.areas.all()] == ["health-and-care"]
    assert listed(client) == ["Neighbourhood Tech Fund"]


@pytest.mark.parametrize("person", ["moderator", "editor"])
@pytest.mark.parametrize("clusters", [[], ["led", "other"]])
def test_moderators_and_editors_publish_into_any_cluster_at_once(client, request, person, clusters):
    pks = {"led": led_cluster_pk, "other": other_cluster_pk}
    share(client, request.getfixturevalue(person), clusters=[pks[c]() for c in clusters])

    assert FundingCall.objects.get().live is True


@pytest.mark.parametrize(
    "clusters", [[], ["other"], ["led", "other"]], ids=["none", "another", "own-and-another"]
)
def test_a_lead_naming_a_cluster_they_do_not_lead_or_none_is_reviewed(client, lead, clusters):
    pks = {"led": led_cluster_pk, "other": other_cluster_pk}

    share(client, lead, clusters=[pks[c]() for c in clusters])

    call = FundingCall.objects.get()
    assert (call.live, call.workflow_in_progress) == (False, True)
    assert listed(client) == []


def test_anyone_else_is_reviewed_even_with_earlier_approved_content(client, stranger):
    stranger.trusted_at = stranger.date_joined
    stranger.save()

    share(client, stranger)

    call = FundingCall.objects.get()
    assert call.live is False
    assert call.workflow_in_progress
    assert listed(client) == []


def test_an_approved_call_shows_at_once_on_the_cached_list(client, stranger, moderator):
    share(client, stranger)
    client.logout()
    before = client.get("/funding/")
    assert "Neighbourhood Tech Fund" not in before.text
    assert client.get("/funding/").headers.get("X-Page-Cache") == "hit"

    decide(FundingCall.objects.get(), moderator, "approve")

    after = client.get("/funding/")
    assert after.headers.get("X-Page-Cache") != "hit"
    assert "Neighbourhood Tech Fund" in after.text


def test_the_submitter_is_e_mailed_when_a_moderator_approves(client, stranger, moderator, mailbox):
    share(client, stranger)

    decide(FundingCall.objects.get(), moderator, "approve")

    [message] = mailbox.wait_for("stranger@example.org")
    assert str(message["Subject"]).strip() == '[DSI Hub] "Neighbourhood Tech Fund" is published'


def test_an_edit_of_a_published_call_by_its_submitter_waits_for_review(client, stranger):
    call = FundingCallFactory(title="Civic Fund", submitted_by=stranger)
    data = call_data(title="Civic Fund (changed)")

    response = login(client, stranger).post(call.get_edit_url(), data)

    call.refresh_from_db()
    assert response.status_code == 302
    assert call.title == "Civic Fund"
    assert call.workflow_in_progress


def test_a_lead_edit_of_a_published_call_in_their_cluster_is_published(client, lead):
    cluster = Cluster.objects.order_by("pk").first()
    call = FundingCallFactory(title="Civic Fund", submitted_by=lead, clusters=[cluster])
    data = call_data(title="Civic Fund 2027", clusters=[str(cluster.pk)])

    login(client, lead).post(call.get_edit_url(), data)

    call.refresh_from_db()
    assert call.title == "Civic Fund 2027"


def test_a_lead_edit_naming_another_cluster_waits_for_review(client, lead):
    cluster = Cluster.objects.order_by("pk").first()
    call = FundingCallFactory(title="Civic Fund", submitted_by=lead, clusters=[cluster])
    data = call_data(title="Civic Fund 2027", clusters=[str(cluster.pk), other_cluster_pk()])

    login(client, lead).post(call.get_edit_url(), data)

    call.refresh_from_db()
    assert (call.title, call.workflow_in_progress) == ("Civic Fund", True)


def test_someone_else_may_not_edit_a_call(client, stranger, owner):
    call = FundingCallFactory(title="Civic Fund", submitted_by=owner)

    response = login(client, stranger).post(call.get_edit_url(), call_data(title="Spam"))

    call.refresh_from_db()
    assert response.status_code == 403
    assert call.title == "Civic Fund"


def field_errors(response, name):
    return response.context["form"].errors.get(name, [])


def test_a_closing_date_in_the_past_is_refused_for_a_new_call(client, stranger):
    response = share(client, stranger, closes_on=in_days(-1).isoformat())

    assert field_errors(response, "closes_on") == [
        "This date has passed: a new call must still be open."
    ]
    assert 'value="Neighbourhood Tech Fund"' in response.text
    assert 'value="https://funder.example.org/neighbourhood"' in response.text
    assert FundingCall.objects.count() == 0


def test_closing_before_opening_is_refused(client, stranger):
    response = share(
        client, stranger, opens_on=in_days(10).isoformat(), closes_on=in_days(5).isoformat()
    )

    assert field_errors(response, "closes_on") == ["The call cannot close before it opens."]
    assert f'value="{in_days(10).isoformat()}"' in response.text
    assert FundingCall.objects.count() == 0


def test_a_smallest_amount_above_the_largest_is_refused(client, stranger):
    response = share(client, stranger, amount_min="50000", amount_max="1000")

    assert field_errors(response, "amount_max") == [
        "The largest amount cannot be smaller than the smallest."
    ]
    assert 'value="50000"' in response.text
    assert "There is a problem with what you entered" in response.text
    assert FundingCall.objects.count() == 0


def test_a_funder_is_required_by_name_or_organisation(client, stranger):
    response = share(client, stranger, funder="")

    assert field_errors(response, "funder") == [
        "Name the funder, or choose it among the organisations."
    ]


def test_the_funder_organisation_is_picked_with_the_chooser(client, moderator):
    funder = OrganisationFactory(name="Fondation Exemple")

    share(client, moderator, funder="", funder_organisation_add="Fondation Exemple")

    call = FundingCall.objects.get()
    assert call.funder_organisation == funder
    assert call.funder_name == "Fondation Exemple"


def test_rich_text_is_sanitised(client, moderator):
    share(client, moderator, body='<p>Hi</p><script>alert(1)</script><a href="javascript:x">x</a>')

    call = FundingCall.objects.get()
    assert "<script" not in call.body
    assert "javascript:" not in call.body


@pytest.mark.parametrize(
    ("field", "value"),
    [("closes_on", "9999-12-31"), ("opens_on", "0001-01-01"), ("closes_on", "2201-01-01")],
)
def test_dates_outside_1900_to_2200_are_refused_keeping_the_input(client, stranger, field, value):
    response = share(client, stranger, **{field: value})

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [
        "Choose a date between the years 1900 and 2200."
    ]
    assert f'value="{value}"' in response.text
    assert FundingCall.objects.count() == 0
