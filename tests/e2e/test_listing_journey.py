"""A new innovator signs up and verifies their address from the real e-mail, registers an
organisation (with a logo) and a project linked to it in Chromium; both wait for review on the
dashboard, hidden from visitors; a moderator approves them in the Wagtail admin and the owner
is e-mailed; both pages are public and point at each other; a later edit by the owner waits for
review while the public page keeps the approved text. axe checks the forms and the pages."""

import pytest
from PIL import Image
from playwright.sync_api import expect

from accounts.models import User
from organisations.models import Organisation
from projects.models import Project
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.taxonomy import GazetteerPlaceFactory
from tests.support.browser import assert_accessible
from tests.support.journeys import sign_up_and_verify
from tests.support.mail import text_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ORGANISATION = "/organisations/open-kitchen-collective/"
PROJECT = "/projects/shared-meals/"


@pytest.fixture(autouse=True)
def _site(settings, live_server):
    settings.SITE_URL = live_server.url


def register_organisation(tab, logo):
    tab.get_by_label("Name (required)").fill("Open Kitchen Collective")
    tab.get_by_label("Short description (required)").fill("Neighbours cooking together.")
    tab.get_by_label("Description", exact=True).fill("We cook on Tuesdays.\n\nEveryone is welcome.")
    tab.get_by_label("Country", exact=True).select_option("ES")
    city = tab.get_by_label("City", exact=True)
    city.press_sequentially("Barc")
    expect(tab.locator("#id_city-suggestions option[value='Barcelona']")).to_have_count(1)
    city.fill("Barcelona")
    tab.get_by_role("group", name="Areas of impact").get_by_label("Health and care").check()
    tab.get_by_label("Keywords", exact=True).fill("food, community kitchens")
    link = tab.get_by_role("group", name="Link 1")
    link.get_by_label("Kind of link").select_option("github")
    link.get_by_label("Address").fill("https://github.com/openkitchen")
    tab.get_by_label("Logo", exact=True).set_input_files(logo)
    tab.get_by_role("button", name="Submit for review").click()


def register_project(tab):
    tab.get_by_label("Name (required)").fill("Shared Meals")
    tab.get_by_label("Short description (required)").fill("Cooking for many, once a week.")
    tab.get_by_label("Social impact", exact=True).fill("Nobody eats alone.")
    tab.get_by_role("group", name="Your organisations").get_by_label(
        "Open Kitchen Collective"
    ).check()
    tab.get_by_role("group", name="Areas of impact").get_by_label("Health and care").check()
    tab.get_by_role("group", name="Technologies").get_by_label("Mobile and web apps").check()
    tab.get_by_role("button", name="Submit for review").click()


def approve_in_admin(tab, model, name):
    tab.goto(f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/")
    tab.get_by_role("link", name=name, exact=True).first.click()
    tab.get_by_role("button", name="More actions").click()
    with tab.expect_navigation():
        tab.get_by_role("button", name="Approve and Publish").click()
    expect(tab.locator(".messages")).to_contain_text(f"'{name}' updated")
    listing = model.objects.get(name=name)
    assert (listing.live, listing.awaiting_review) == (True, False)


def test_innovator_registers_listings_a_moderator_approves_them(
    page, new_tab, live_server, tmp_path, mailbox
):
    UserFactory(
        email="mod@example.org", first_name="Mona", last_name="Moderator", groups=["Moderators"]
    )
    GazetteerPlaceFactory(
        name="Barcelona",
        country="ES",
        latitude="41.388790",
        longitude="2.158990",
        timezone="Europe/Madrid",
    )
    logo = tmp_path / "logo.png"
    Image.new("RGB", (160, 160), (14, 106, 90)).save(logo)

    sign_up_and_verify(
        page,
        mailbox,
        first_name="Ada",
        last_name="Lovelace",
        email="ada@example.org",
        password=DEFAULT_PASSWORD,
    )
    owner = User.objects.get(email="ada@example.org")
    page.goto("/organisations/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Register an organisation")
    assert_accessible(page)
    register_organisation(page, logo)
    expect(page.get_by_role("heading", level=1)).to_have_text("Open Kitchen Collective")
    expect(page.get_by_role("note")).to_contain_text("Awaiting review")
    assert_accessible(page)

    page.goto("/projects/new/")
    assert_accessible(page)
    register_project(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Shared Meals")
    expect(page.get_by_role("note")).to_contain_text("Awaiting review")
    assert Organisation.objects.get().logo.name.startswith("pending/listings/logos/")
    assert [o.name for o in Project.objects.get().organisations.all()] == [
        "Open Kitchen Collective"
    ]

    page.goto("/dashboard/")
    expect(page.get_by_text("Awaiting review")).to_have_count(2)
    assert_accessible(page)

    visitor = new_tab()
    assert visitor.goto(ORGANISATION).status == 404
    assert visitor.goto(PROJECT).status == 404

    moderator = new_tab()
    moderator.goto("/admin/login/")  # leads to the hub's login, then back to the admin
    moderator.get_by_label("Email").fill("mod@example.org")
    moderator.get_by_label("Password (required)", exact=True).fill(DEFAULT_PASSWORD)
    moderator.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(moderator).to_have_url(f"{live_server.url}/admin/")
    moderator.goto("/admin/snippets/organisations/organisation/")
    expect(moderator.get_by_role("link", name="Open Kitchen Collective")).to_be_visible()
    approve_in_admin(moderator, Organisation, "Open Kitchen Collective")
    approve_in_admin(moderator, Project, "Shared Meals")

    approvals = mailbox.wait_for("ada@example.org", count=3)[1:]
    assert sorted(m["Subject"] for m in approvals) == [
        '[DSI Hub] "Open Kitchen Collective" is published',
        '[DSI Hub] "Shared Meals" is published',
    ]
    assert f"{live_server.url}{ORGANISATION}" in text_of(approvals[0]) + text_of(approvals[1])

    assert visitor.goto(ORGANISATION).status == 200
    # in its projects and in its part of the network
    expect(visitor.get_by_role("link", name="Shared Meals")).to_have_count(2)
    expect(visitor.locator(".place-map__canvas.leaflet-container")).to_be_visible()
    expect(visitor.get_by_role("note")).to_have_count(0)
    assert_accessible(visitor)
    assert visitor.goto(PROJECT).status == 200
    # in its organisations and in its part of the network
    expect(visitor.get_by_role("link", name="Open Kitchen Collective")).to_have_count(2)
    assert_accessible(visitor)

    # The approval made the owner trusted, yet an edit to a public listing is still reviewed.
    owner.refresh_from_db()
    assert owner.trusted_at is not None
    page.goto(f"{ORGANISATION}edit/")
    expect(page.get_by_role("note")).to_contain_text("Live")
    assert_accessible(page)
    page.get_by_label("Description", exact=True).fill("We cook on Tuesdays and Fridays.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status")).to_contain_text("Your changes are waiting for a moderator")
    expect(page.get_by_role("note")).to_contain_text("Changes awaiting review")

    visitor.goto(ORGANISATION)
    expect(visitor.get_by_text("We cook on Tuesdays.")).to_be_visible()
    expect(visitor.get_by_text("Fridays")).to_have_count(0)
