"""The report, claim and confirmation pages in Chromium: reachable by their labels, axe-clean."""

import pytest
from playwright.sync_api import expect

from listings.confirmation import make_token
from moderation.models import Report
from organisations.models import Claim
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory
from tests.support.browser import assert_accessible
from tests.support.journeys import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_person_reports_claims_and_confirms_through_accessible_pages(page):
    person = UserFactory(email="ada@example.org", first_name="Ada")
    spammy = OrganisationFactory(name="Cheap Watches Online")
    imported = OrganisationFactory(name="Imported Collective")
    own = OrganisationFactory(name="Ada's Lab", owner=person)
    log_in(page, person.email)

    page.goto(f"/report/organisations/organisation/{spammy.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Report “Cheap Watches Online”")
    assert_accessible(page)
    page.get_by_label("Spam or advertising").check()
    page.get_by_label("What is wrong?").fill("Sells watches.")
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_url(f"**{spammy.get_absolute_url()}")

    page.goto(f"/organisations/{imported.slug}/claim/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Claim “Imported Collective”")
    assert_accessible(page)
    page.get_by_label("How you are connected to this organisation").fill("I run it.")
    page.get_by_role("button", name="Send my claim").click()
    page.wait_for_url(f"**{imported.get_absolute_url()}")

    page.goto(f"/organisations/{own.slug}/confirm/{make_token(own)}/")
    assert_accessible(page)
    page.get_by_role("button", name="Yes, it is up to date").click()
    page.wait_for_url(f"**{own.get_absolute_url()}")

    own.refresh_from_db()
    assert Report.objects.get().text == "Sells watches."
    assert Claim.objects.get().message == "I run it."
    assert own.last_confirmed_at is not None
