import pytest

pytestmark = pytest.mark.django_db

SECTIONS = [
    "Organisations",
    "Projects",
    "Clusters",
    "Events",
    "Funding",
    "Stories",
    "Explore",
    "Open data",
    "Newsletter",
]


def test_home_page_has_primary_navigation_and_footer(client):
    response = client.get("/")

    assert response.status_code == 200
    html = response.text
    assert '<nav aria-label="Primary"' in html or 'aria-label="Primary"' in html
    for section in SECTIONS:
        assert f">{section}<" in html, section
    assert "<footer" in html
    assert '<a href="/de/" hreflang="de"' in html


def test_home_page_shows_the_intro_from_the_cms(client):
    response = client.get("/")

    assert "digital social innovation community" in response.text


def test_home_page_under_a_language_prefix_is_in_that_language(client):
    response = client.get("/de/")

    assert response.status_code == 200
    assert '<html lang="de"' in response.text


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "<footer" in response.text
