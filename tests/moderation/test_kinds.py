"""The shared base of reviewed content (moderation.kinds, moderation.policy): one rule for who
sees a page before it is published and who edits it, the same on every kind, through the URLs."""

import pytest

from core import images
from tests.factories.clusters import ClusterFactory
from tests.factories.events import EventFactory
from tests.factories.funding import FundingCallFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.support.people import login

pytestmark = pytest.mark.django_db

# Each kind made by the person who submitted it (or, for listings, owns it).
KINDS = {
    "event": lambda by, **kw: EventFactory(submitted_by=by, **kw),
    "funding call": lambda by, **kw: FundingCallFactory(submitted_by=by, **kw),
    "organisation": lambda by, **kw: OrganisationFactory(owner=by, **kw),
    "project": lambda by, **kw: ProjectFactory(owner=by, **kw),
}


@pytest.fixture(params=list(KINDS))
def make(request):
    return KINDS[request.param]


def people(owner, stranger, moderator):
    return {"owner": owner, "stranger": stranger, "moderator": moderator}


@pytest.mark.parametrize(("who", "status"), [("owner", 200), ("moderator", 200), ("stranger", 403)])
def test_the_edit_page_of_published_content_follows_the_one_rule(
    client, make, owner, stranger, moderator, who, status
):
    obj = make(owner)

    response = login(client, people(owner, stranger, moderator)[who]).get(obj.get_edit_url())

    assert response.status_code == status


def test_anonymous_visitors_are_sent_to_log_in_before_any_edit_page(client, make, owner):
    obj = make(owner)

    response = client.get(obj.get_edit_url())

    assert (response.status_code, response.url.split("?")[0]) == (302, "/accounts/login/")


@pytest.mark.parametrize(("who", "can_edit"), [("owner", True), ("stranger", False)])
def test_the_page_offers_edit_only_to_those_the_rule_lets_edit(
    client, make, owner, stranger, moderator, who, can_edit
):
    obj = make(owner)

    response = login(client, people(owner, stranger, moderator)[who]).get(obj.get_absolute_url())

    assert (response.context["can_edit"], obj.get_edit_url() in response.text) == (
        can_edit,
        can_edit,
    )


@pytest.mark.parametrize(("who", "status"), [("owner", 200), ("moderator", 200)])
def test_pending_content_is_shown_with_its_review_status_to_its_owner_and_moderators(
    client, make, owner, stranger, moderator, who, status
):
    obj = make(owner, pending=True)

    response = login(client, people(owner, stranger, moderator)[who]).get(obj.get_absolute_url())

    assert (response.status_code, "Awaiting review" in response.text) == (status, True)


def test_pending_content_is_refused_to_anyone_else(client, make, owner, stranger):
    obj = make(owner, pending=True)

    as_visitor = client.get(obj.get_absolute_url()).status_code
    as_stranger = login(client, stranger).get(obj.get_absolute_url()).status_code
    edit_as_stranger = client.get(obj.get_edit_url()).status_code

    assert (as_visitor, as_stranger, edit_as_stranger) == (404, 404, 404)


def test_editors_edit_events_but_not_funding_calls_or_listings(client, owner, editor):
    event, call = EventFactory(submitted_by=owner), FundingCallFactory(submitted_by=owner)
    organisation = OrganisationFactory(owner=owner)
    login(client, editor)

    statuses = [client.get(obj.get_edit_url()).status_code for obj in (event, call, organisation)]

    assert statuses == [200, 403, 403]


def test_a_cluster_lead_previews_a_pending_event_of_their_cluster_but_does_not_edit_it(
    client, owner, stranger
):
    event = EventFactory(submitted_by=owner, pending=True, clusters=[ClusterFactory()])
    event.clusters.first().leads.add(stranger)
    login(client, stranger)

    page = client.get(event.get_absolute_url())
    edit = client.get(event.get_edit_url())

    assert (page.status_code, page.context["can_edit"], edit.status_code) == (200, False, 403)


@pytest.mark.parametrize("url", ["/events/new/", "/organisations/new/", "/account/profile/"])
def test_every_picture_field_states_the_limits_moderation_enforces(client, owner, monkeypatch, url):
    monkeypatch.setattr(images, "MAX_UPLOAD_BYTES", 3 * images.MEGABYTE)
    monkeypatch.setattr(images, "MAX_SIDE", 2500)

    page = login(client, owner).get(url).text

    assert "PNG, JPEG or WebP, at most 3 MB, between 64 and 2500 pixels wide and high." in page
