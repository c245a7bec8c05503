"""Names, job titles and organisations lose bidirectional controls at sign-up and on the profile."""

import pytest

from accounts.models import User
from tests.accounts.test_profile import profile_data
from tests.accounts.test_signup import SIGNUP
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_signup_strips_bidi_controls_from_the_name(client, mailbox):
    client.post(
        "/accounts/signup/",
        {**SIGNUP, "first_name": "Ada\u202e", "last_name": "\u2066Lovelace\u2069"},
    )

    user = User.objects.get(email="ada@example.org")
    assert (user.first_name, user.last_name) == ("Ada", "Lovelace")


def test_profile_edit_strips_bidi_controls_from_names_and_work(client):
    person = UserFactory()
    client.force_login(person)

    client.post(
        "/account/profile/",
        profile_data(
            first_name="\u202eGrace",
            last_name="Hopper\u200f",
            job_title="Rear \u202dadmiral",
            company="US \u061cNavy",
        ),
    )

    person.refresh_from_db()
    assert [person.first_name, person.last_name, person.job_title, person.company] == [
        "Grace",
        "Hopper",
        "Rear admiral",
        "US Navy",
    ]


def test_profile_page_shows_the_name_without_controls(client):
    person = UserFactory()
    client.force_login(person)
    client.post("/account/profile/", profile_data(first_name="Eve\u202e", last_name="Smith"))

    response = client.get(person.get_absolute_url())

    assert '<h1 class="page-header__title">Eve Smith</h1>' in response.text
