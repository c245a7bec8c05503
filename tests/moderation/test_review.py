"""The moderators' review page: a pending change field by field, live against proposed, for any
reviewed kind; the queue of pending changes and the dashboard panel that lead to it."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType

from moderation.review import readable_text, text_diff
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.factories.taxonomy import AreaOfImpactFactory
from tests.support.moderation import submit

pytestmark = [pytest.mark.django_db]

QUEUE_URL = "/admin/moderation/changes/"


def review_url(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return f"/admin/moderation/changes/{content_type.pk}/{obj.pk}/"


def page_of(response):
    return BeautifulSoup(response.text, "html.parser")


def field_section(page, label):
    [section] = [s for s in page.select("section.review-field") if s.h2.text.strip() == label]
    return section


@pytest.fixture
def moderator(moderator, client):
    client.force_login(moderator)
    return moderator


def test_text_diff_marks_inserted_and_deleted_words_of_the_text_not_the_html():
    segments = text_diff(
        "<p>We repair <strong>bikes</strong> in Leeds.</p>",
        "<p>We repair bikes and <em>laptops</em> in Leeds.</p><p>Since 2020.</p>",
    )

    assert segments == [
        ("equal", "We repair bikes"),
        ("insert", "and laptops"),
        ("equal", "in Leeds."),
        ("insert", "\nSince 2020."),
    ]


def test_readable_text_keeps_paragraphs_and_unescapes_entities():
    assert readable_text("<p>Fish &amp; chips</p><ul><li>one</li><li>two</li></ul>") == (
        "Fish & chips\none\ntwo"
    )


def test_an_edited_description_shows_the_changed_words_marked(client, moderator, owner):
    organisation = OrganisationFactory(
        name="Open Kitchen", owner=owner, description="<p>We cook with neighbours.</p>"
    )
    submit(organisation, by=owner, description="<p>We cook and eat with neighbours.</p>")

    response = client.get(review_url(organisation))

    page = page_of(response)
    assert page.h1.text.strip() == "Review “Open Kitchen”"
    description = field_section(page, "Description")
    assert [ins.text for ins in description.select("ins")] == ["Added: and eat"]
    assert description.select("del") == []
    assert "<p>" not in description.text
    labels = [h2.text.strip() for h2 in page.select("section.review-field h2")]
    assert labels == ["Description"]  # unchanged fields are left out


def test_changed_terms_and_partners_are_listed_as_added_and_removed(client, moderator, owner):
    health, energy, food = (AreaOfImpactFactory(name=name) for name in ("Health", "Energy", "Food"))
    old_partner = OrganisationFactory(name="Old Partner")
    new_partner = OrganisationFactory(name="New Partner")
    project = ProjectFactory(name="Repair Map", owner=owner, areas=[health, energy])
    project.organisations.set([old_partner])
    project.save()
    submit(project, by=owner, areas=[energy, food], organisations=[new_partner])

    page = page_of(client.get(review_url(project)))

    areas = field_section(page, "Areas of impact")
    assert [li.text.strip() for li in areas.select("dd")[0].select("li")] == ["Food"]
    assert [li.text.strip() for li in areas.select("del")] == ["Health"]
    partners = field_section(page, "Organisations")
    assert [ins.text for ins in partners.select("ins")] == ["New Partner"]
    assert [d.text for d in partners.select("del")] == ["Old Partner"]


def test_a_new_submission_shows_everything_it_proposes(client, moderator, owner):
    organisation = OrganisationFactory(
        name="Brand New", owner=owner, pending=True, website="https://brand.example.org"
    )
    submit(organisation, by=owner)

    page = page_of(client.get(review_url(organisation)))

    assert "nothing of it is published yet" in page.select_one(".review__summary").text
    website = field_section(page, "Website")
    assert website.select_one("td").text.strip() == "https://brand.example.org"
    assert page.select("del") == []


def test_a_changed_logo_is_shown_beside_the_live_one(client, moderator, owner):
    organisation = OrganisationFactory(name="Logo Co", owner=owner, logo="listings/logos/old.png")
    submit(organisation, by=owner, logo="pending/listings/logos/new.png")

    page = page_of(client.get(review_url(organisation)))

    logo = field_section(page, "Logo")
    assert [img["alt"] for img in logo.select("img")] == ["logo, live", "logo, proposed"]
    assert [img["src"] for img in logo.select("img")] == [
        "/media/listings/logos/old.png",
        "/media-pending/listings/logos/new.png",
    ]


def test_pending_changes_lists_every_kind_with_its_review_link(
    client, moderator, owner, django_assert_num_queries
):
    organisation = OrganisationFactory(name="Open Kitchen", owner=owner)
    submit(organisation, by=owner, short_description="Cooking together.")
    project = ProjectFactory(name="Repair Map", owner=owner, pending=True)
    submit(project, by=owner)

    page = page_of(client.get(QUEUE_URL))

    rows = [[td.text.strip() for td in tr.select("td")][:3] for tr in page.select("tbody tr")]
    assert rows == [
        ["Open Kitchen", "Organisation", "Edit of published content"],
        ["Repair Map", "Project", "New submission"],
    ]
    assert page.select_one("tbody a")["href"] == review_url(organisation)


@pytest.mark.parametrize("count", [1, 3])
def test_pending_changes_costs_the_same_queries_for_1_or_3_rows(
    client, moderator, count, django_assert_num_queries
):
    for _ in range(count):
        owner = UserFactory()
        submit(OrganisationFactory(owner=owner, pending=True), by=owner)
    client.get(QUEUE_URL)  # warm the per-process caches (content types, site)

    with django_assert_num_queries(15):
        response = client.get(QUEUE_URL)

    assert len(page_of(response).select("tbody tr")) == count


def test_the_dashboard_panel_links_to_the_review_page(client, moderator, owner):
    organisation = OrganisationFactory(name="Open Kitchen", owner=owner)
    submit(organisation, by=owner, short_description="Cooking together.")

    page = page_of(client.get("/admin/"))

    panel = page.select_one("#awaiting-review-content") or page
    links = [a["href"] for a in panel.find_all("a", string="Review changes")]
    assert review_url(organisation) in links


def test_editors_cannot_open_the_review_page(client, editor, owner):
    organisation = OrganisationFactory(name="Open Kitchen", owner=owner)
    submit(organisation, by=owner, description="<p>Secret draft words.</p>")
    client.force_login(editor)

    response = client.get(review_url(organisation), follow=True)

    assert response.redirect_chain == [("/admin/", 302)]
    assert "Secret draft words" not in response.text


def test_members_without_admin_access_cannot_open_the_review_page(client, owner):
    organisation = OrganisationFactory(name="Open Kitchen", owner=owner)
    submit(organisation, by=owner, description="<p>Secret draft words.</p>")
    client.force_login(owner)

    response = client.get(review_url(organisation))

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_the_review_page_refuses_models_that_are_not_reviewed(client, moderator):
    content_type = ContentType.objects.get_for_model(UserFactory._meta.model)

    response = client.get(f"/admin/moderation/changes/{content_type.pk}/{moderator.pk}/")

    assert response.status_code == 404
