"""Accounts whose e-mail address is not verified change nothing others see and have no page."""

import pytest

from accounts.models import User
from accounts.verification import has_verified_email
from moderation.models import Report
from tests.factories.accounts import UserFactory
from tests.support.mail import links_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def unverified(client):
    user = UserFactory(email="new@example.org", first_name="Newton", verified=False)
    client.force_login(user)
    return user


def test_profile_of_an_unverified_account_is_not_found(client):
    person = UserFactory(first_name="Spammy", verified=False)

    response = client.get(f"/people/{person.pk}/")

    assert response.status_code == 404
    assert "Spammy" not in response.text


def test_profile_of_a_verified_account_is_shown(client):
    person = UserFactory(first_name="Grace", last_name="Hopper")

    response = client.get(f"/people/{person.pk}/")

    assert '<h1 class="page-header__title">Grace Hopper</h1>' in response.text


def test_profile_edit_asks_an_unverified_person_to_verify_first(client, unverified):
    response = client.get("/account/profile/")

    assert response.status_code == 403
    assert "Verify your e-mail address first" in response.text
    assert '<form method="post" action="/accounts/email/">' in response.text
    assert '<input type="hidden" name="email" value="new@example.org">' in response.text
    assert 'name="action_send"' in response.text
    assert 'name="bio"' not in response.text


def test_profile_edit_by_an_unverified_person_changes_nothing(client, unverified):
    response = client.post(
        "/account/profile/",
        {
            "first_name": "Cheap watches",
            "bio": "Buy now at spam.example",
            "links-TOTAL_FORMS": "1",
            "links-INITIAL_FORMS": "0",
            "links-0-kind": "website",
            "links-0-url": "https://spam.example",
        },
    )

    assert response.status_code == 403
    unverified.refresh_from_db()
    assert (unverified.first_name, unverified.bio) == ("Newton", "")
    assert unverified.links.count() == 0


def test_verification_page_button_sends_a_new_link(client, unverified, mailbox):
    client.post("/accounts/email/", {"email": "new@example.org", "action_send": ""})

    [message] = mailbox.wait_for("new@example.org")
    assert any("/accounts/confirm-email/" in link for link in links_in(message))


def test_report_by_an_unverified_person_is_refused(client, unverified):
    person = UserFactory(first_name="Grace")

    response = client.post(
        f"/report/accounts/user/{person.pk}/", {"reason": "spam", "text": "Not really."}
    )

    assert response.status_code == 403
    assert "Verify your e-mail address first" in response.text
    assert Report.objects.count() == 0


def test_report_by_a_verified_person_is_taken(client):
    client.force_login(UserFactory())
    person = UserFactory(first_name="Grace")

    client.post(f"/report/accounts/user/{person.pk}/", {"reason": "spam", "text": "Sells watches."})

    assert list(Report.objects.values_list("text", flat=True)) == ["Sells watches."]


def test_has_verified_email_asks_the_database_once_per_user(django_assert_num_queries):
    user = User.objects.get(pk=UserFactory().pk)

    with django_assert_num_queries(1):
        answers = [has_verified_email(user), has_verified_email(user)]

    assert answers == [True, True]


def test_has_verified_email_is_false_for_an_unverified_address():
    assert has_verified_email(UserFactory(verified=False)) is False
