"""An editor writes a case study in the Wagtail admin, linked to a project and with an image,
previews and publishes it; visitors find it on /stories/, on the home page (featured), in the
RSS feed and on the project's page. The public story pages pass axe."""

import re

import pytest
from playwright.sync_api import expect

from stories.models import CaseStudyPage, FeaturedCaseStudy, HomePage, StoryIndexPage
from tests.factories.accounts import UserFactory
from tests.factories.listings import ProjectFactory
from tests.factories.stories import BlogPageFactory, ImageFactory, ResourceFactory
from tests.support.browser import assert_accessible
from tests.support.journeys import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def editor_tab(new_tab):
    UserFactory(
        email="editor@example.org", first_name="Eddie", last_name="Editor", groups=["Editors"]
    )
    tab = new_tab()
    log_in(tab, "editor@example.org")
    return tab


def choose_in_modal(tab, button_name, item_name):
    tab.get_by_role("button", name=button_name).click()
    modal = tab.locator(".modal-content")
    modal.get_by_role("link", name=item_name).first.click()
    expect(modal).to_be_hidden()


def test_editor_writes_previews_and_publishes_a_featured_case_study(editor_tab, new_tab):
    ProjectFactory(name="Repair Map", slug="repair-map")
    ImageFactory(title="Volunteers at work")
    index = StoryIndexPage.objects.get()
    tab = editor_tab

    tab.goto(f"/admin/pages/add/stories/casestudypage/{index.pk}/")
    tab.locator("#id_title").fill("Mapping repairs across Europe")
    tab.locator("#id_intro").fill("How a map of repair cafés brought fixers together.")
    choose_in_modal(tab, "Choose project", "Repair Map")
    choose_in_modal(tab, "Choose an image", "Volunteers at work")
    tab.locator("#id_featured").check()

    tab.get_by_role("button", name="Toggle preview").click()
    preview = tab.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(
        "Mapping repairs across Europe", timeout=15_000
    )

    tab.locator("button[data-w-dropdown-target='toggle']").last.click()
    tab.get_by_role("button", name="Publish").click()
    expect(tab.locator(".messages")).to_contain_text("published")

    case_study = CaseStudyPage.objects.get(title="Mapping repairs across Europe")
    assert case_study.live and case_study.project.slug == "repair-map"

    tab.goto(f"/admin/pages/{HomePage.objects.get().pk}/edit/")
    tab.get_by_role("button", name=re.compile("Add featured case studies", re.I)).click()
    tab.get_by_role("button", name=re.compile("Choose a page", re.I)).click()
    modal = tab.locator(".modal-content")
    modal.get_by_role("link", name="Mapping repairs across Europe").click()
    expect(modal).to_be_hidden()
    tab.locator("button[data-w-dropdown-target='toggle']").last.click()
    tab.get_by_role("button", name="Publish").click()
    expect(tab.locator(".messages")).to_contain_text("published")
    assert FeaturedCaseStudy.objects.filter(case_study=case_study).exists()

    visitor = new_tab()
    visitor.goto("/stories/")
    visitor.get_by_role("link", name="Mapping repairs across Europe").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Mapping repairs across Europe")
    expect(visitor.locator("article img").first).to_have_attribute("srcset", re.compile("width-"))
    assert_accessible(visitor)

    visitor.goto("/")
    featured = visitor.get_by_role("region", name="Featured case studies")
    expect(featured.get_by_role("link", name="Mapping repairs across Europe")).to_be_visible()

    feed = visitor.request.get("/stories/feed.rss")
    assert "<title>Mapping repairs across Europe</title>" in feed.text()

    visitor.goto("/projects/repair-map/")
    section = visitor.get_by_role("region", name="Featured in case study")
    expect(section.get_by_role("link", name="Mapping repairs across Europe")).to_be_visible()


def test_public_story_pages_are_accessible(page):
    BlogPageFactory(title="Repair cafés go digital", slug="repair-cafes", listing_image=True)
    ResourceFactory(title="Repair toolkit")

    for path in ("/", "/stories/", "/stories/repair-cafes/", "/resources/"):
        page.goto(path)
        expect(page.get_by_role("main")).to_be_visible()
        assert_accessible(page)
