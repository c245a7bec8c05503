import pytest

pytestmark = pytest.mark.django_db


def test_language_switcher_remembers_the_choice_and_redirects(client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"})

    assert response.status_code == 302
    assert response.url == "/fr/"
    assert response.cookies["django_language"].value == "fr"


def test_english_pages_have_no_language_prefix(client):
    assert client.get("/accounts/login/").status_code == 200
    assert client.get("/en/accounts/login/").status_code == 404


def test_other_languages_are_served_under_their_prefix(client):
    response = client.get("/pl/accounts/login/")

    assert response.status_code == 200
    assert '<html lang="pl"' in response.text
