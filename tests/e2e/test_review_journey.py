"""A moderator reviews an owner's edit field by field and sees the changed words marked; the
owners of a partner organisation get the e-mail and decline the link — in Chromium."""

import pytest
from playwright.sync_api import expect

from projects.models import Project
from projects.services import create_project
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.support.browser import assert_accessible
from tests.support.journeys import log_in
from tests.support.mail import link_containing

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_moderator_reviews_an_edited_description(new_tab, live_server, settings):
    settings.SITE_URL = live_server.url
    owner = UserFactory(email="olga@example.org", first_name="Olga", last_name="Owner")
    UserFactory(email="mona@example.org", groups=["Moderators"])
    OrganisationFactory(
        name="Open Kitchen",
        slug="open-kitchen",
        owner=owner,
        description="<p>We cook on Tuesdays.</p><p>Everyone is welcome.</p>",
    )

    tab = new_tab()
    log_in(tab, "olga@example.org")
    tab.goto("/organisations/open-kitchen/edit/")
    tab.get_by_label("Description", exact=True).fill(
        "<p>We cook on Tuesdays and Fridays.</p><p>Everyone is welcome.</p>"
    )
    tab.get_by_role("button", name="Save changes").click()
    expect(tab.get_by_role("status")).to_contain_text("Your changes are waiting for a moderator")

    moderator = new_tab()
    log_in(moderator, "mona@example.org")
    moderator.goto("/admin/")
    expect(moderator.get_by_role("heading", name="Awaiting your review")).to_be_visible()
    moderator.get_by_role("link", name="Review changes").first.click()

    expect(moderator.get_by_role("heading", level=1)).to_have_text("Review “Open Kitchen”")
    description = moderator.get_by_role("region", name="Description")
    expect(description.locator("ins")).to_have_text("Added: Tuesdays and Fridays.")
    expect(description.locator("del")).to_have_text("Removed: Tuesdays.")
    expect(description).not_to_contain_text("<p>")
    assert_accessible(moderator)


def test_a_partners_owner_declines_the_link_from_the_email(new_tab, live_server, settings, mailbox):
    settings.SITE_URL = live_server.url
    owner = UserFactory(email="olga@example.org", first_name="Olga", last_name="Owner")
    sid = UserFactory(email="sid@example.org", first_name="Sid", last_name="Seeds")
    seeds = OrganisationFactory(name="Seed Library", slug="seed-library", owner=sid)
    project = ProjectFactory.build(name="Repair Map", slug="")
    project.organisations = [seeds]
    create_project(project, by=owner)
    Project.objects.filter(pk=project.pk).update(live=True)

    [message] = mailbox.wait_for("sid@example.org")
    tab = new_tab()
    log_in(tab, "sid@example.org")
    tab.goto(link_containing(message, "/decline/"))
    expect(tab.get_by_role("heading", level=1)).to_have_text(
        "Is Seed Library a partner of this project?"
    )
    assert_accessible(tab)
    tab.get_by_role("button", name="Remove the link").click()

    expect(tab.get_by_role("status")).to_contain_text(
        "“Repair Map” no longer names Seed Library as a partner."
    )
    assert list(Project.objects.get(pk=project.pk).organisations.all()) == []
    [note] = mailbox.wait_for("olga@example.org")
    assert "declined to be named as a partner" in note["Subject"]
