"""The read API's interactive documentation works in Chromium under the site's
Content-Security-Policy (the browser fixture fails the test on any CSP violation) and loads
nothing from another host."""

import pytest
from playwright.sync_api import expect

from tests.factories.listings import OrganisationFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_visitor_tries_a_list_from_the_api_docs(page):
    OrganisationFactory(name="Ghent Repair Commons")
    offsite = []
    page.on(
        "request",
        lambda request: (
            offsite.append(request.url)
            if "127.0.0.1" not in request.url and "localhost" not in request.url
            else None
        ),
    )

    page.goto("/api/v1/docs")
    expect(page.get_by_role("heading", name="DSI Hub API")).to_be_visible()
    page.get_by_role("button", name="GET /api/v1/organisations/ List organisations").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()

    expect(page.locator(".responses-wrapper .live-responses-table")).to_contain_text(
        "Ghent Repair Commons"
    )
    assert offsite == []
