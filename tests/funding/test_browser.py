"""In Chromium: a cluster lead shares a call through the form (refused once for a past date,
with the input kept), it is published at once, a visitor finds it on /funding/ and its page, and
the lead saves it. axe checks /funding/, the call's page and the form."""

import pytest
from playwright.sync_api import expect

from clusters.models import Cluster
from tests.factories.accounts import UserFactory
from tests.factories.funding import FundingCallFactory, in_days
from tests.support.browser import assert_accessible
from tests.support.journeys import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def fill_call(tab, closes_on):
    tab.get_by_label("Title (required)").fill("Neighbourhood Tech Fund")
    tab.get_by_label("Summary (required)").fill("Small grants for tools neighbours build.")
    tab.get_by_label("Web address of the call (required)").fill("https://funder.example.org/x")
    tab.get_by_label("Type (required)").select_option("grant")
    tab.get_by_label("Funder", exact=True).fill("Fondation Exemple")
    tab.get_by_role("group", name="Who can apply").get_by_label("Individuals").check()
    tab.get_by_label("Closes on").fill(closes_on.isoformat())
    tab.get_by_role("group", name="Areas of impact").get_by_label("Health and care").check()


def test_a_lead_shares_a_call_that_visitors_then_find(new_tab):
    lead = UserFactory(email="lead@example.org", first_name="Lea", last_name="Lead")
    cluster = Cluster.objects.order_by("pk").first()
    cluster.leads.add(lead)
    FundingCallFactory(title="Older Fund", closes_on=in_days(60))
    tab = new_tab()
    log_in(tab, "lead@example.org")

    tab.goto("/funding/new/")
    assert_accessible(tab)
    fill_call(tab, in_days(-2))
    tab.get_by_role("button", name="Submit the call").click()
    expect(
        tab.get_by_text("This date has passed: a new call must still be open.").first
    ).to_be_visible()
    expect(tab.get_by_label("Title (required)")).to_have_value("Neighbourhood Tech Fund")
    assert_accessible(tab)
    tab.get_by_label("Closes on").fill(in_days(5).isoformat())
    # a lead publishes at once into their own cluster
    tab.get_by_role("group", name="Clusters").get_by_label(cluster.title).check()
    tab.get_by_role("button", name="Submit the call").click()

    expect(tab.get_by_role("heading", level=1)).to_have_text("Neighbourhood Tech Fund")
    expect(tab.get_by_text("closes in 5 days")).to_be_visible()
    tab.get_by_role("button", name="Save and remind me before the deadline").click()
    expect(tab.get_by_role("button", name="Saved: remove from my list")).to_be_visible()

    visitor = new_tab()
    visitor.goto("/funding/")
    cards = visitor.locator(".funding-card h3")
    expect(cards).to_have_text(["Neighbourhood Tech Fund", "Older Fund"])
    assert_accessible(visitor)
    visitor.get_by_role("link", name="Neighbourhood Tech Fund").click()
    expect(visitor.get_by_role("link", name="Log in to save this call")).to_be_visible()
    assert_accessible(visitor)
