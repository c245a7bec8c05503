import pytest

pytestmark = pytest.mark.django_db


def test_language_switcher_links_to_this_page_in_each_language(client):
    response = client.get("/accounts/login/?next=/dashboard/")

    assert '<a href="/fr/accounts/login/?next=/dashboard/" hreflang="fr"' in response.text
    assert '<a href="/accounts/login/?next=/dashboard/" hreflang="en"' in response.text
    assert 'aria-current="true">English</a>' in response.text


def test_language_switcher_needs_no_cookie(client):
    response = client.get("/organisations/")

    assert response.cookies == {}


def test_english_pages_have_no_language_prefix(client):
    assert client.get("/accounts/login/").status_code == 200
    assert client.get("/en/accounts/login/").status_code == 404


def test_other_languages_are_served_under_their_prefix(client):
    response = client.get("/pl/accounts/login/")

    assert response.status_code == 200
    assert '<html lang="pl"' in response.text
