"""An owner invites a new address in the browser; the invitee opens the e-mailed link in a fresh
browser, signs up, confirms from the real e-mail, accepts, and is listed as a member — with axe
checks on the members page and the invitation page."""

import pytest
from playwright.sync_api import expect

from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.listings import OrganisationFactory
from tests.support.browser import assert_accessible
from tests.support.mail import link_containing

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-sturdy-passphrase-for-2026"
MEMBERS = "/organisations/open-commons/members/"


@pytest.fixture(autouse=True)
def _site(settings, live_server):
    settings.SITE_URL = live_server.url


def test_owner_invites_a_newcomer_who_signs_up_and_joins(page, new_tab, live_server, mailbox):
    owner = UserFactory(email="olga@example.org", first_name="Olga", last_name="Owner")
    OrganisationFactory(owner=owner, name="Open Commons", slug="open-commons")

    page.goto(f"/accounts/login/?next={MEMBERS}")
    page.get_by_label("Email").fill("olga@example.org")
    page.get_by_label("Password (required)", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Members of Open Commons")
    assert_accessible(page)
    page.get_by_role("link", name="Invite someone").click()
    assert_accessible(page)
    page.get_by_role("main").get_by_label("E-mail address").fill("lin@example.org")
    page.get_by_label("Role").select_option("member")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("status")).to_contain_text("We have e-mailed an invitation")
    expect(page.get_by_role("cell", name="lin@example.org", exact=True)).to_be_visible()
    assert_accessible(page)

    [invitation] = mailbox.wait_for("lin@example.org")
    invitation_link = link_containing(invitation, "/invitations/")
    assert invitation_link.startswith(live_server.url)

    invitee = new_tab()
    invitee.goto(invitation_link)
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Invitation to join Open Commons")
    assert_accessible(invitee)
    invitee.get_by_role("main").get_by_role("link", name="Sign up").click()
    expect(invitee.get_by_label("Email")).to_have_value("lin@example.org")
    invitee.get_by_label("First name").fill("Lin")
    invitee.get_by_label("Last name").fill("Newcomer")
    invitee.get_by_label("Password (required)", exact=True).fill(PASSWORD)
    invitee.get_by_label("Password (again) (required)", exact=True).fill(PASSWORD)
    invitee.get_by_label("I accept the terms").check()
    invitee.get_by_role("button", name="Create account").click()
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")

    [_, verification] = mailbox.wait_for("lin@example.org", count=2)
    invitee.goto(link_containing(verification, "/accounts/confirm-email/"))
    invitee.get_by_role("button", name="Confirm").click()  # signs Lin in, in this browser
    expect(invitee.locator("header .site-header__wide .account-name")).to_have_text("Lin Newcomer")

    invitee.goto(invitation_link)
    assert_accessible(invitee)
    invitee.get_by_role("button", name="Accept the invitation").click()

    expect(invitee.get_by_role("status")).to_contain_text(
        "Welcome! You are now a member of Open Commons."
    )
    members = invitee.get_by_role("region", name="2 members")
    expect(members.get_by_role("row").filter(has_text="Lin Newcomer")).to_contain_text("Member")
    assert_accessible(invitee)
    [joined] = mailbox.wait_for("olga@example.org")
    assert joined["Subject"] == "[DSI Hub] Lin Newcomer joined Open Commons"
