"""Anonymous visitors get whole cached pages; a public change shows at once (core.page_cache)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from listings.choices import Role
from taxonomy.models import AreaOfImpact
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.support.moderation import decide, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(owner):
    organisation = OrganisationFactory(name="Open Commons", owner=owner)
    project = ProjectFactory(name="Repair Map", owner=owner, organisations=[organisation])
    return [
        "/",
        "/organisations/",
        "/projects/?q=repair",
        organisation.get_absolute_url(),
        project.get_absolute_url(),
        owner.get_absolute_url(),
        "/de/organisations/",
    ]


def test_anonymous_pages_set_no_cookie_and_do_not_vary_on_cookies(client, pages):
    for url in pages:
        response = client.get(url)

        assert (url, response.status_code, dict(response.cookies)) == (url, 200, {})
        assert "cookie" not in response.get("Vary", "").lower(), url
        assert response["Cache-Control"] == "public, max-age=0, must-revalidate", url


def test_a_second_anonymous_visit_is_served_from_the_cache_without_sql(client, pages):
    for url in pages:
        first = client.get(url)
        with CaptureQueriesContext(connection) as queries:
            second = client.get(url)

        assert (url, second.get("X-Page-Cache"), len(queries)) == (url, "hit", 0)
        assert second.content == first.content


def test_revalidation_with_the_etag_answers_304_without_the_page(client, pages):
    etag = client.get("/organisations/")["ETag"]

    response = client.get("/organisations/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""


def test_an_approval_shows_on_the_cached_list_and_page_at_once(client, owner, moderator):
    client.get("/organisations/")  # cached without it
    organisation = OrganisationFactory(name="Fab Lab Lisboa", pending=True, owner=owner)
    submit(organisation, by=owner)
    client.get("/organisations/")

    decide(organisation, moderator, "approve")

    assert "Fab Lab Lisboa" in client.get("/organisations/").text
    assert client.get(organisation.get_absolute_url()).status_code == 200


def test_a_renamed_area_of_impact_shows_on_cached_pages_at_once(client, owner):
    area = AreaOfImpact.objects.order_by("pk").first()
    organisation = OrganisationFactory(name="Open Commons", owner=owner, areas=[area])
    client.get(organisation.get_absolute_url())

    area.name = "Health, care and well-being"
    area.save()

    assert "Health, care and well-being" in client.get(organisation.get_absolute_url()).text


def test_removing_a_member_shows_on_the_cached_page_at_once(client, owner):
    organisation = OrganisationFactory(name="Open Commons", owner=owner)
    leaving = UserFactory(first_name="Lena", last_name="Leaving")
    organisation.memberships.create(user=leaving, role=Role.MEMBER)
    assert "Lena Leaving" in client.get(organisation.get_absolute_url()).text

    organisation.memberships.get(user=leaving).delete()

    assert "Lena Leaving" not in client.get(organisation.get_absolute_url()).text


def test_a_login_changes_nothing_public_and_keeps_the_cache(client, pages, owner):
    client.get("/organisations/")

    owner.save(update_fields=["last_login"])

    assert client.get("/organisations/").get("X-Page-Cache") == "hit"


def test_logged_in_pages_are_never_cached(client, owner, pages):
    client.force_login(owner)

    first, second = client.get("/organisations/"), client.get("/organisations/")

    assert (first.get("X-Page-Cache"), second.get("X-Page-Cache")) == (None, None)
    assert "Olga Owner" in second.text


def test_the_cache_can_be_switched_off(client, pages, settings):
    settings.PAGE_CACHE = False
    client.get("/organisations/")

    response = client.get("/organisations/")

    assert response.get("X-Page-Cache") is None
    assert "ETag" not in response
