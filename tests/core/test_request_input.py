"""Control characters in a request's path, query or form answer 400 with a page that says what
went wrong, never 500 (PostgreSQL refuses NUL in text). Tabs and line breaks are text."""

import pytest

from accounts.models import User
from tests.accounts.test_profile import profile_data
from tests.accounts.test_signup import SIGNUP
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

BAD_REQUEST_TITLE = "We could not read this request"


@pytest.mark.parametrize(
    "url",
    [
        "/places/?q=%00",
        "/places/?country=%00",
        "/places/?country=BE&q=Ghe%1Bnt",
        "/organisations/?q=open%00data",
        "/projects/?q=%08",
        "/organisations/%00/",
        "/?%00=1",
    ],
)
def test_control_character_in_the_address_answers_400(client, url):
    response = client.get(url)

    assert response.status_code == 400
    assert BAD_REQUEST_TITLE in response.text


def test_control_character_in_a_form_field_answers_400_and_saves_nothing(client, mailbox):
    response = client.post("/accounts/signup/", {**SIGNUP, "first_name": "Ada\x00"})

    assert response.status_code == 400
    assert BAD_REQUEST_TITLE in response.text
    assert not User.objects.filter(email="ada@example.org").exists()
    assert mailbox.messages == []


def test_control_character_in_a_logged_in_form_answers_400(client):
    person = UserFactory(job_title="Analyst")
    client.force_login(person)

    response = client.post("/account/profile/", profile_data(job_title="Chief\x0bcook"))

    assert response.status_code == 400
    person.refresh_from_db()
    assert person.job_title == "Analyst"


def test_tabs_and_line_breaks_in_a_form_are_text(client):
    person = UserFactory()
    client.force_login(person)

    client.post("/account/profile/", profile_data(bio="Line one.\r\nLine two.\tTabbed."))

    person.refresh_from_db()
    assert person.bio == "Line one.\r\nLine two.\tTabbed."


def test_encoded_surrogate_in_a_query_is_not_a_server_error(client):
    response = client.get("/places/?q=%ED%A0%80")

    assert response.status_code in (200, 400)


def test_bad_request_page_keeps_the_site_header(client):
    response = client.get("/places/?q=%00")

    assert '<a class="skip-link" href="#main">' in response.text
    assert 'href="/accounts/login/"' in response.text
