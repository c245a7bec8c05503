"""The primary navigation is what the apps registered (core.navigation), in their order, with
the section the visitor is in marked."""

import re

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db

NAV = re.compile(r'<nav class="site-nav"[^>]*>(.*?)</nav>', re.S)
LINK = re.compile(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>')


def primary_links(html):
    # The same menu twice: in the header's wide row and in the phone's "Menu" (one is hidden)
    wide, phone = NAV.findall(html)
    assert wide == phone
    return [(href, label, bool(current)) for href, current, label in LINK.findall(wide)]


def test_the_menu_lists_every_registered_section_in_order(client):
    links = primary_links(client.get("/organisations/").text)

    assert [(href, label) for href, label, _current in links] == [
        ("/organisations/", "Organisations"),
        ("/projects/", "Projects"),
        ("/clusters/", "Clusters"),
        ("/events/", "Events"),
        ("/funding/", "Funding"),
        ("/stories/", "Stories"),
        ("/explore/", "Explore"),
        ("/dsi-index/", "DSI Index"),
        ("/open-data/", "Open data"),
        ("/newsletter/", "Newsletter"),
    ]


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/organisations/", "Organisations"),
        ("/events/", "Events"),
        ("/explore/", "Explore"),
        ("/open-data/", "Open data"),
    ],
)
def test_the_section_of_the_page_is_marked_current_and_only_it(client, path, current):
    links = primary_links(client.get(path).text)

    assert [label for _href, label, is_current in links if is_current] == [current]


@pytest.fixture
def back_to_english():
    """A request under /fr/ leaves French active in this thread (LocaleMiddleware activates it and
    nothing deactivates it); later tests must not build French addresses."""
    yield
    translation.activate("en")


def test_the_menu_follows_the_language_of_the_address(client, back_to_english):
    links = primary_links(client.get("/fr/events/").text)

    assert ("/fr/events/", True) in [(href, current) for href, _label, current in links]
