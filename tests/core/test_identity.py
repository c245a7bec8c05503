"""The hub's look as a visitor meets it on every page: the footer's links, the phone menu, the
styled error pages, and e-mails in the site's own colours (one token source)."""

import re

import pytest
from django.template.loader import render_to_string

from core.design_tokens import design_tokens, token
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory

pytestmark = pytest.mark.django_db

FOOTER_LINKS = {
    "About": "/about/",
    "Contact": "/contact/",
    "Privacy": "/privacy/",
    "Terms of use": "/terms/",
    "Accessibility statement": "/accessibility/",
}


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.parametrize("path", ["/", "/organisations/", "/events/"])
def test_every_page_footer_links_to_the_standard_pages(client, path):
    html = footer(client.get(path).text)

    for label, url in FOOTER_LINKS.items():
        assert f'<a href="{url}">{label}</a>' in html


def test_the_newsletter_page_has_its_sign_up_form_once(client):
    on_home = client.get("/").text
    on_newsletter = client.get("/newsletter/").text

    assert on_home.count('name="email"') == 1
    assert on_newsletter.count('name="email"') == 1
    assert 'id="newsletter-signup-email"' not in on_newsletter


def test_the_phone_menu_holds_the_primary_navigation_and_the_account_links(client):
    html = client.get("/").text

    menu = re.search(r'<details class="site-menu">(.*?)</details>', html, re.S).group(1)
    assert '<summary class="site-menu__toggle">Menu</summary>' in menu
    assert 'href="/organisations/"' in menu
    assert 'href="/accounts/login/"' in menu


def test_a_missing_page_is_the_styled_404_with_a_way_back(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert '<p class="error-page__code" aria-hidden="true">404</p>' in response.text
    assert '<h1 class="page-header__title" id="error-title">Page not found</h1>' in response.text
    assert '<a class="btn btn--primary" href="/">Go to the home page</a>' in response.text
    assert '<a href="/privacy/">Privacy</a>' in footer(response.text)


def test_a_refused_page_is_the_styled_403(client):
    organisation = OrganisationFactory(owner=UserFactory())
    client.force_login(UserFactory())

    response = client.get(f"/organisations/{organisation.slug}/edit/")

    assert response.status_code == 403
    assert '<p class="error-page__code" aria-hidden="true">403</p>' in response.text
    assert "Access denied" in response.text


def test_the_sign_up_terms_checkbox_links_to_the_terms_and_the_privacy_policy(client):
    html = client.get("/accounts/signup/").text

    assert (
        'I accept the <a href="/terms/">terms of use</a> and the '
        '<a href="/privacy/">privacy policy</a>'
    ) in html


def test_design_tokens_are_read_from_the_one_stylesheet():
    tokens = design_tokens()

    assert tokens["color-brand"] == "#0e6a5a"
    assert tokens["space-s"] == "1rem"
    assert len([name for name in tokens if name.startswith("color-cluster-")]) == 6


@pytest.mark.parametrize("template", ["email/base.html", "newsletter/email/_layout.html"])
def test_e_mails_are_in_the_site_colours(template):
    html = render_to_string(template, {"body": "Hello", "site_url": "https://hub.example.org"})

    assert token("color-brand") in html
    assert token("color-text") in html
    assert "#1a1a2e" not in html  # the e-mails' own colours before they shared the site's
