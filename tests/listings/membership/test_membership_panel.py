"""components/membership_panel.html: what each viewer sees on a listing's page, and its cost."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string

from organisations.models import Organisation
from tests.factories.listings import JoinRequestFactory, MembershipFactory
from tests.support.people import login

pytestmark = pytest.mark.django_db


def render_panel(organisation, viewer):
    listing = Organisation.objects.prefetch_related("memberships").get(pk=organisation.pk)
    return render_to_string(
        "components/membership_panel.html",
        {"listing": listing, "kind": "organisation", "viewer": viewer},
    )


def test_panel_for_a_manager_links_to_members_and_counts_waiting_requests(
    organisation, owner, django_assert_num_queries
):
    JoinRequestFactory(organisation=organisation)
    JoinRequestFactory(organisation=organisation)
    listing = Organisation.objects.prefetch_related("memberships").get(pk=organisation.pk)

    with django_assert_num_queries(1):
        html = render_to_string(
            "components/membership_panel.html",
            {"listing": listing, "kind": "organisation", "viewer": owner},
        )

    assert "Manage members" in html
    assert "2 requests to join are waiting for an answer" in html
    assert "Your role here: Owner." in html
    assert "/organisations/open-commons/members/" in html


@pytest.mark.parametrize("count", [1, 20])
def test_panel_for_a_stranger_costs_the_same_whatever_the_members(
    organisation, stranger, count, django_assert_num_queries
):
    for _ in range(count):
        MembershipFactory(organisation=organisation)
    listing = Organisation.objects.prefetch_related("memberships").get(pk=organisation.pk)

    with django_assert_num_queries(2):
        html = render_to_string(
            "components/membership_panel.html",
            {"listing": listing, "kind": "organisation", "viewer": stranger},
        )

    assert "Request to join" in html
    assert "Manage members" not in html


def test_panel_for_a_member_offers_leave(organisation, member):
    html = render_panel(organisation, member)

    assert "Your role here: Member." in html
    assert "/organisations/open-commons/leave/" in html
    assert "Manage members" not in html


def test_panel_for_someone_who_asked_says_so(organisation, stranger):
    JoinRequestFactory(organisation=organisation, user=stranger)

    html = render_panel(organisation, stranger)

    assert "You asked to join on" in html
    assert "Request to join" not in html


def test_panel_for_a_visitor_invites_to_log_in(organisation):
    html = render_panel(organisation, AnonymousUser())

    assert "Log in to ask to join." in html
    assert "/accounts/login/?next=/organisations/open-commons/members/" in html


def test_listing_page_offers_to_join_and_the_join_page_opens(client, organisation, stranger):
    login(client, stranger)

    page = client.get("/organisations/open-commons/")
    join_page = client.get("/organisations/open-commons/join/")

    assert "Request to join" in page.text
    assert "Ask to join Open Commons" in join_page.text
