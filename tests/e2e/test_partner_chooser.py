"""Partner organisations on the project form, picked with the organisation chooser in Chromium:
with JavaScript (type, pick from the list, remove a chip) and without (names matched, "did you
mean" to tick). axe checks the form and its error state (it needs JavaScript to run)."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from projects.models import Project
from tests.factories.listings import OrganisationFactory
from tests.support.browser import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def partners():
    OrganisationFactory(name="Fab Lab Barcelona")
    OrganisationFactory(name="Fab City Foundation")
    OrganisationFactory(name="Open Kitchen Collective")


def logged_in_tab(new_tab, live_server, user, *, javascript=True):
    client = Client()
    client.force_login(user)
    tab = new_tab(javascript=javascript)
    tab.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return tab


def fill_required(tab):
    tab.get_by_label("Name (required)").fill("Shared Meals")
    tab.get_by_label("Short description (required)").fill("Cooking for many, once a week.")
    tab.get_by_role("group", name="Areas of impact").get_by_label("Health and care").check()
    tab.get_by_role("group", name="Technologies").get_by_label("Mobile and web apps").check()


def test_with_javascript_typing_offers_organisations_and_picking_adds_a_removable_chip(
    new_tab, live_server, owner, partners
):
    tab = logged_in_tab(new_tab, live_server, owner)
    tab.goto("/projects/new/")
    chooser = tab.get_by_role("combobox", name="Add organisations: one name per line")

    chooser.press_sequentially("fab")
    expect(tab.get_by_role("listbox").get_by_role("option")).to_have_count(2)
    chooser.press("ArrowDown")
    chooser.press("Enter")
    chooser.press_sequentially("open kit")
    tab.get_by_role("option", name="Open Kitchen Collective").click()
    tab.get_by_role("button", name="Remove Open Kitchen Collective").click()
    assert_accessible(tab)
    fill_required(tab)
    chooser.fill("Open Kitchn")  # typed, not picked: the server matches it
    tab.get_by_role("button", name="Submit for review").click()
    expect(tab.get_by_role("alert")).to_contain_text("Did you mean “Open Kitchen Collective”?")
    assert_accessible(tab)  # the error summary, the kept chip and the suggestion to tick
    chooser.fill("")
    tab.get_by_role("button", name="Submit for review").click()

    expect(tab.get_by_role("heading", level=1)).to_have_text("Shared Meals")
    project = Project.objects.get()
    assert [o.name for o in project.organisations.all()] == ["Fab City Foundation"]


def test_without_javascript_names_are_matched_and_a_near_miss_is_offered_to_tick(
    new_tab, live_server, owner, partners
):
    tab = logged_in_tab(new_tab, live_server, owner, javascript=False)
    tab.goto("/projects/new/")
    fill_required(tab)
    tab.get_by_label("Add organisations: one name per line").fill("fab lab barcelona\nOpen Kitchn")
    tab.get_by_role("button", name="Submit for review").click()

    expect(tab.get_by_role("alert")).to_contain_text("Did you mean “Open Kitchen Collective”?")
    expect(tab.get_by_label("Add organisations: one name per line")).to_have_value(
        "fab lab barcelona\nOpen Kitchn"
    )
    tab.get_by_label("Open Kitchen Collective").check()
    tab.get_by_label("Add organisations: one name per line").fill("fab lab barcelona")
    tab.get_by_role("button", name="Submit for review").click()

    expect(tab.get_by_role("heading", level=1)).to_have_text("Shared Meals")
    names = sorted(o.name for o in Project.objects.get().organisations.all())
    assert names == ["Fab Lab Barcelona", "Open Kitchen Collective"]
