"""Cards (stories, events, resources, funding calls) are rendered once per content version: an
edit shows at once on a page that is not cached whole, and a card reads the same as included."""

import pytest
from django.template.loader import render_to_string

from listings.templatetags.listing_tags import cached_cards
from tests.factories.events import EventFactory
from tests.factories.stories import BlogPageFactory, ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE = False


def test_card_is_the_included_template(client):
    story = BlogPageFactory(title="Once rendered")

    [(shown, card)] = cached_cards([story], "components/story_card.html", "story")

    assert shown == story
    assert card == render_to_string("components/story_card.html", {"story": story})


def test_publishing_a_story_edit_shows_on_its_card_at_once(client, editor):
    story = BlogPageFactory(title="Old title")
    assert "Old title" in client.get("/stories/").text

    story.title = "New title"
    story.save_revision(user=editor).publish(user=editor)
    response = client.get("/stories/")

    assert "New title" in response.text
    assert "Old title" not in response.text


def test_editing_an_event_shows_on_its_card_at_once(client):
    event = EventFactory(title="Old event", summary="Old summary")
    assert "Old summary" in client.get("/events/").text

    event.summary = "New summary"
    event.save()
    response = client.get("/events/")

    assert "New summary" in response.text
    assert "Old summary" not in response.text


def test_editing_a_resource_shows_on_its_card_at_once(client):
    resource = ResourceFactory(title="Old resource")
    assert "Old resource" in client.get("/resources/").text

    resource.title = "New resource"
    resource.save()

    assert "New resource" in client.get("/resources/").text
