"""Saving calls: POST only, logged in only, idempotent; /funding/saved/ lists them."""

import pytest
from django.urls import reverse

from funding.models import SavedCall
from funding.services import save_call
from tests.factories.funding import FundingCallFactory, SavedCallFactory, in_days
from tests.support.concurrency import logged_in, together
from tests.support.people import login

pytestmark = pytest.mark.django_db


def save_url(call):
    return reverse("funding:call-save", kwargs={"slug": call.slug})


def unsave_url(call):
    return reverse("funding:call-unsave", kwargs={"slug": call.slug})


def test_a_logged_in_person_saves_a_call_and_sees_it_in_the_saved_list(client, stranger):
    call = FundingCallFactory(title="Civic Fund")

    response = login(client, stranger).post(save_url(call))

    assert response.status_code == 302
    assert response.url == call.get_absolute_url()
    assert list(SavedCall.objects.values_list("user", "call")) == [(stranger.pk, call.pk)]
    saved = client.get("/funding/saved/")
    assert [c.title for c in saved.context["calls"]] == ["Civic Fund"]
    assert "Saved: remove from my list" in client.get(call.get_absolute_url()).text


def test_saving_twice_keeps_one_row(client, stranger):
    call = FundingCallFactory()
    login(client, stranger)

    client.post(save_url(call))
    client.post(save_url(call))

    assert SavedCall.objects.count() == 1


def test_unsaving_removes_the_call_from_the_list(client, stranger):
    saved = SavedCallFactory(user=stranger)

    login(client, stranger).post(unsave_url(saved.call), {"next": "/funding/saved/"})

    assert SavedCall.objects.count() == 0
    assert list(client.get("/funding/saved/").context["calls"]) == []


def test_anonymous_visitors_are_sent_to_log_in_and_nothing_is_saved(client):
    call = FundingCallFactory()

    response = client.post(save_url(call))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert SavedCall.objects.count() == 0


def test_saving_by_get_is_refused(client, stranger):
    call = FundingCallFactory()

    response = login(client, stranger).get(save_url(call))

    assert response.status_code == 405
    assert SavedCall.objects.count() == 0


def test_saving_without_the_csrf_token_is_refused(stranger):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    call = FundingCallFactory()

    response = login(client, stranger).post(save_url(call))

    assert response.status_code == 403
    assert SavedCall.objects.count() == 0


def test_a_draft_call_cannot_be_saved(client, stranger):
    call = FundingCallFactory(pending=True)

    response = login(client, stranger).post(save_url(call))

    assert response.status_code == 404
    assert SavedCall.objects.count() == 0


def test_the_redirect_never_leaves_the_site(client, stranger):
    call = FundingCallFactory()

    response = login(client, stranger).post(save_url(call), {"next": "https://evil.example/"})

    assert response.url == call.get_absolute_url()


def test_the_saved_list_is_for_logged_in_people(client):
    response = client.get("/funding/saved/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_saved_list_shows_only_ones_own_calls_closing_soonest_first(client, stranger, owner):
    SavedCallFactory(user=stranger, call=FundingCallFactory(title="Later", closes_on=in_days(9)))
    SavedCallFactory(user=stranger, call=FundingCallFactory(title="Soon", closes_on=in_days(2)))
    SavedCallFactory(user=owner, call=FundingCallFactory(title="Not mine"))

    response = login(client, stranger).get("/funding/saved/")

    assert [c.title for c in response.context["calls"]] == ["Soon", "Later"]


def test_save_call_service_reports_whether_it_created_a_row(stranger):
    call = FundingCallFactory()

    assert save_call(call, user=stranger) is True
    assert save_call(call, user=stranger) is False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_saves_at_the_same_moment_keep_one_row(stranger):
    call = FundingCallFactory()
    first, second = logged_in(stranger), logged_in(stranger)

    responses = together(lambda: first.post(save_url(call)), lambda: second.post(save_url(call)))

    assert [response.status_code for response in responses] == [302, 302]
    assert SavedCall.objects.count() == 1
