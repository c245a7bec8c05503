"""Moderators review funding calls in the Wagtail admin (Snippets)."""

import pytest

from tests.factories.funding import FundingCallFactory
from tests.support.people import login

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/funding/fundingcall/"


def test_moderators_see_calls_waiting_for_review_in_the_admin(client, moderator):
    call = FundingCallFactory(title="Draft Fund", pending=True, countries=["BE"])

    listing = login(client, moderator).get(ADMIN)
    edit = client.get(f"{ADMIN}edit/{call.pk}/")

    assert listing.status_code == 200
    assert "Draft Fund" in listing.text
    assert edit.status_code == 200
    assert 'value="Draft Fund"' in edit.text


def test_people_outside_the_moderators_cannot_open_the_admin_list(client, stranger):
    response = login(client, stranger).get(ADMIN)

    assert response.status_code == 302
