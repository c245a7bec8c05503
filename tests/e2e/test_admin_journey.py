"""Staff go through the hub's login to the Wagtail admin, open the dashboard and edit a snippet,
and look around the Django admin, in Chromium: nothing is blocked by the admins' policy."""

import re

import pytest
from playwright.sync_api import expect

from clusters.models import Cluster
from taxonomy.models import AreaOfImpact
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def staff_tab(page):
    UserFactory(email="editor@example.org", is_staff=True, is_superuser=True)
    page.goto("/admin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    page.get_by_label("Email").fill("editor@example.org")
    page.get_by_label("Password (required)", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    return page


def test_staff_log_in_through_the_hub_and_edit_a_snippet_in_wagtail(staff_tab, live_server):
    page = staff_tab
    expect(page).to_have_url(f"{live_server.url}/admin/")
    expect(page).to_have_title(re.compile("^Dashboard"))
    expect(page.get_by_role("heading", level=1)).to_have_text("DSI Hub")

    term = AreaOfImpact.objects.order_by("sort_order").first()
    page.goto(f"/admin/snippets/taxonomy/areaofimpact/edit/{term.pk}/")
    page.get_by_role("textbox", name="Description").fill("Care, health services and well-being.")
    page.get_by_role("button", name="Save").click()

    expect(page.locator(".messages")).to_contain_text("updated")
    term.refresh_from_db()
    assert term.description == "Care, health services and well-being."


def test_staff_open_the_django_admin_user_list(staff_tab, live_server):
    page = staff_tab
    page.goto("/django-admin/")
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

    page.get_by_role("link", name="Users").first.click()

    expect(page).to_have_url(f"{live_server.url}/django-admin/accounts/user/")
    expect(page.get_by_role("link", name="editor@example.org")).to_be_visible()


def test_staff_edit_a_cluster_page_with_rich_text_in_wagtail(staff_tab):
    page = staff_tab
    cluster = Cluster.objects.order_by("sort_order").first()
    page.goto(f"/admin/snippets/clusters/cluster/edit/{cluster.pk}/")
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    editor.press_sequentially("We meet every month.")
    expect(page.locator("input[name=body]")).to_have_value(re.compile("We meet every month."))
    page.get_by_role("button", name="Save").click()

    expect(page.locator(".messages")).to_contain_text("updated")
    cluster.refresh_from_db()
    assert "We meet every month." in str(cluster.body)
