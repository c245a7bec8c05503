"""One front door: every login, the admins' included, goes through allauth's login page, with
its rate limits and its e-mail verification; the admins' own login and reset pages lead there."""

from urllib.parse import parse_qs, urlsplit

import pytest

from accounts.models import User
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.support.mail import links_in

pytestmark = pytest.mark.django_db

HUB_LOGIN = "/accounts/login/"


def next_of(location):
    """(path, the `next` parameter) of a redirect's Location."""
    parts = urlsplit(location)
    return parts.path, parse_qs(parts.query).get("next", [""])[0]


def logged_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def staff():
    return UserFactory(email="editor@example.org", is_staff=True, is_superuser=True)


@pytest.mark.parametrize(
    ("login_page", "admin_home"),
    [("/admin/login/", "/admin/"), ("/django-admin/login/", "/django-admin/")],
)
def test_admin_login_page_leads_to_the_hub_login_and_back_to_the_admin(
    client, login_page, admin_home
):
    response = client.get(login_page)

    assert response.status_code == 302
    assert next_of(response["Location"]) == (HUB_LOGIN, admin_home)


def test_admin_login_page_keeps_the_admin_page_asked_for(client):
    response = client.get("/admin/login/?next=/admin/snippets/")

    assert next_of(response["Location"]) == (HUB_LOGIN, "/admin/snippets/")


def test_admin_login_page_drops_a_next_address_on_another_site(client):
    response = client.get("/admin/login/?next=https://evil.example/phish")

    assert next_of(response["Location"]) == (HUB_LOGIN, "/admin/")


def test_staff_reach_the_wagtail_dashboard_through_the_hub_login(client, staff):
    login_page = client.get("/admin/", follow=True).redirect_chain[-1][0]

    response = client.post(
        login_page, {"login": "editor@example.org", "password": DEFAULT_PASSWORD}, follow=True
    )

    assert next_of(login_page) == (HUB_LOGIN, "/admin/")
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "Dashboard" in response.text


def test_staff_reach_the_django_admin_through_the_hub_login(client, staff):
    login_page = client.get("/django-admin/", follow=True).redirect_chain[-1][0]

    response = client.post(
        login_page, {"login": "editor@example.org", "password": DEFAULT_PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/django-admin/"
    assert "Site administration" in response.text


@pytest.mark.parametrize("login_page", ["/admin/login/", "/django-admin/login/"])
def test_admin_login_form_checks_no_password(client, staff, login_page):
    right = client.post(
        login_page, {"username": "editor@example.org", "password": DEFAULT_PASSWORD}
    )
    wrong = client.post(login_page, {"username": "editor@example.org", "password": "wrong"})

    assert (right.status_code, right["Location"]) == (wrong.status_code, wrong["Location"])
    assert next_of(right["Location"])[0] == HUB_LOGIN
    assert not logged_in(client)


def test_admin_login_answers_alike_for_a_right_password_without_admin_access(client):
    UserFactory(email="innovator@example.org")

    right = client.post(
        "/admin/login/", {"username": "innovator@example.org", "password": DEFAULT_PASSWORD}
    )
    wrong = client.post("/admin/login/", {"username": "innovator@example.org", "password": "x"})

    assert right.content == wrong.content
    assert right["Location"] == wrong["Location"]
    assert not logged_in(client)


def test_admin_logins_stop_after_five_wrong_passwords(client, staff):
    login_page = client.get("/admin/login/")["Location"]
    for _ in range(30):
        client.post("/admin/login/", {"username": "editor@example.org", "password": "wrong"})
    for _ in range(5):
        client.post(login_page, {"login": "editor@example.org", "password": "wrong"})

    response = client.post(
        login_page, {"login": "editor@example.org", "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.text
    assert not logged_in(client)
    assert client.get("/admin/").status_code == 302


def test_unverified_staff_cannot_log_in_for_the_admin(client, mailbox):
    UserFactory(email="new-editor@example.org", is_staff=True, is_superuser=True, verified=False)
    login_page = client.get("/admin/login/")["Location"]

    response = client.post(
        login_page, {"login": "new-editor@example.org", "password": DEFAULT_PASSWORD}
    )

    assert response["Location"] == "/accounts/confirm-email/"
    assert not logged_in(client)
    assert len(mailbox.wait_for("new-editor@example.org")) == 1


@pytest.mark.parametrize("admin_page", ["/admin/", "/django-admin/"])
def test_unverified_staff_session_is_kept_out_of_the_admins(client, admin_page):
    client.force_login(UserFactory(is_staff=True, is_superuser=True, verified=False))

    response = client.get(admin_page)

    assert response.status_code == 403
    assert "Verify your e-mail address first" in response.text


def test_logged_in_person_without_admin_access_sees_access_denied(client):
    UserFactory(email="innovator@example.org")
    login_page = client.get("/admin/login/")["Location"]

    response = client.post(
        login_page,
        {"login": "innovator@example.org", "password": DEFAULT_PASSWORD},
        follow=True,
    )

    assert response.status_code == 403
    assert [url for url, _ in response.redirect_chain] == ["/admin/", "/admin/login/?next=/admin/"]
    assert "Access denied" in response.text
    assert "You do not have permission to access the admin." in response.text


@pytest.mark.parametrize(
    "reset_page",
    ["/admin/password_reset/", "/admin/password_reset/confirm/MQ/set-password/"],
)
def test_admin_password_reset_pages_lead_to_the_hub_password_reset(client, reset_page):
    response = client.get(reset_page)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/"


def test_admin_password_reset_form_sends_no_mail(client, staff, mailbox):
    response = client.post("/admin/password_reset/", {"email": "editor@example.org"})

    assert response["Location"] == "/accounts/password/reset/"
    assert mailbox.messages == []


def test_superuser_made_by_createsuperuser_verifies_by_email_before_the_admin(client, mailbox):
    User.objects.create_superuser(email="root@example.org", password=DEFAULT_PASSWORD)
    login_page = client.get("/admin/login/")["Location"]

    response = client.post(login_page, {"login": "root@example.org", "password": DEFAULT_PASSWORD})

    assert response["Location"] == "/accounts/confirm-email/"
    assert not logged_in(client)
    [message] = mailbox.wait_for("root@example.org")
    assert any("/accounts/confirm-email/" in link for link in links_in(message))
