"""Owners confirm once a year that their organisation's listing is current."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone
from wagtail.models import ModelLogEntry

from listings.choices import Role
from listings.confirmation import (
    LISTING_CONFIRMED,
    make_token,
    request_confirmations,
    token_is_valid,
)
from listings.tasks import request_confirmations_task
from tests.factories.accounts import UserFactory
from tests.factories.listings import MembershipFactory, OrganisationFactory
from tests.support.mail import links_in, text_of

pytestmark = [pytest.mark.django_db]

YEAR_AND_A_BIT = timedelta(days=400)


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def confirm_url(organisation, token=None):
    return f"/organisations/{organisation.slug}/confirm/{token or make_token(organisation)}/"


def add_member(organisation, role, **fields):
    return MembershipFactory(organisation=organisation, role=role, user=UserFactory(**fields)).user


@pytest.fixture
def stale():
    """An organisation published more than a year ago and never confirmed, with its team."""
    organisation = OrganisationFactory(
        name="Open Kitchen Collective", first_published_at=days_ago(400)
    )
    add_member(organisation, Role.OWNER, email="owner@example.org", first_name="Olga")
    add_member(organisation, Role.ADMIN, email="admin@example.org", first_name="Adam")
    add_member(organisation, Role.MEMBER, email="member@example.org")
    return organisation


def test_request_confirmations_emails_owners_and_admins_of_stale_listings(
    stale, mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        asked = request_confirmations()

    assert asked == 1
    [to_owner] = mailbox.wait_for("owner@example.org")
    mailbox.wait_for("admin@example.org")
    assert mailbox.to("member@example.org") == []
    assert to_owner["Subject"].strip() == "[DSI Hub] Is “Open Kitchen Collective” still up to date?"
    assert "Hello Olga," in text_of(to_owner)
    [link] = [link for link in links_in(to_owner) if "/confirm/" in link]
    # The token carries the second it was signed: compare what it names, not its bytes.
    prefix = f"http://127.0.0.1:8000/organisations/{stale.slug}/confirm/"
    assert link.startswith(prefix)
    assert token_is_valid(stale, link.removeprefix(prefix).rstrip("/"))


def test_request_confirmations_skips_listings_that_are_current_or_cannot_be_asked(
    mailbox, django_capture_on_commit_callbacks
):
    recent = OrganisationFactory(name="Recent", first_published_at=days_ago(100))
    confirmed = OrganisationFactory(
        name="Confirmed", first_published_at=days_ago(800), last_confirmed_at=days_ago(10)
    )
    pending = OrganisationFactory(name="Pending", pending=True, first_published_at=days_ago(800))
    for organisation in (recent, confirmed, pending):
        add_member(organisation, Role.OWNER)
    OrganisationFactory(name="Imported without members", first_published_at=days_ago(800))

    with django_capture_on_commit_callbacks(execute=True):
        asked = request_confirmations()

    assert asked == 0
    assert mailbox.messages == []


def test_request_confirmations_asks_a_listing_confirmed_over_a_year_ago(
    mailbox, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(
        name="Old friend", first_published_at=days_ago(900), last_confirmed_at=days_ago(370)
    )
    add_member(organisation, Role.OWNER, email="friend@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        asked = request_confirmations()

    assert asked == 1
    mailbox.wait_for("friend@example.org")


def test_request_confirmations_waits_30_days_before_asking_again(
    stale, mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = request_confirmations()
        again = request_confirmations(now=timezone.now() + timedelta(days=29))
        later = request_confirmations(now=timezone.now() + timedelta(days=31))

    assert (first, again, later) == (1, 0, 1)
    assert len(mailbox.wait_for("owner@example.org", count=2)) == 2


def test_request_confirmations_task_runs_on_a_real_worker(celery_worker, mailbox):
    organisation = OrganisationFactory(
        name="Open Kitchen Collective", first_published_at=days_ago(400)
    )
    add_member(organisation, Role.OWNER, email="owner@example.org")

    asked = request_confirmations_task.delay().get(timeout=30)

    assert asked == 1
    [message] = mailbox.wait_for("owner@example.org")
    assert "Open Kitchen Collective" in text_of(message)


def test_confirm_link_shows_a_one_click_confirmation_to_the_owner(client, stale):
    client.force_login(stale.memberships.get(role=Role.OWNER).user)

    response = client.get(confirm_url(stale))

    assert response.status_code == 200
    assert "Is “Open Kitchen Collective” still up to date?" in response.text
    assert "Yes, it is up to date" in response.text


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN])
def test_confirming_sets_last_confirmed_and_thanks_the_manager(client, stale, role):
    manager = stale.memberships.get(role=role).user
    client.force_login(manager)
    updated_at = stale.updated_at

    response = client.post(confirm_url(stale))

    stale.refresh_from_db()
    assert response.status_code == 302
    assert response.url == stale.get_absolute_url()
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Thank you for confirming that “Open Kitchen Collective” is up to date."
    ]
    assert timezone.now() - stale.last_confirmed_at < timedelta(minutes=1)
    assert stale.updated_at == updated_at
    entry = ModelLogEntry.objects.get(object_id=str(stale.pk), action=LISTING_CONFIRMED)
    assert entry.user == manager


def test_confirming_stops_further_requests_for_a_year(
    client, stale, mailbox, django_capture_on_commit_callbacks
):
    client.force_login(stale.memberships.get(role=Role.OWNER).user)
    client.post(confirm_url(stale))

    with django_capture_on_commit_callbacks(execute=True):
        asked = request_confirmations(now=timezone.now() + timedelta(days=300))

    assert asked == 0


def test_confirming_is_refused_to_a_plain_member(client, stale):
    client.force_login(stale.memberships.get(role=Role.MEMBER).user)

    response = client.post(confirm_url(stale))

    stale.refresh_from_db()
    assert response.status_code == 403
    assert stale.last_confirmed_at is None


def test_confirming_is_refused_to_someone_else(client, stale):
    client.force_login(UserFactory())

    response = client.post(confirm_url(stale))

    stale.refresh_from_db()
    assert response.status_code == 403
    assert stale.last_confirmed_at is None


def test_confirming_sends_an_anonymous_visitor_to_login(client, stale):
    response = client.post(confirm_url(stale))

    stale.refresh_from_db()
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    assert stale.last_confirmed_at is None


def test_confirming_with_another_organisations_token_is_refused(client, stale):
    other = OrganisationFactory(name="Other")
    client.force_login(stale.memberships.get(role=Role.OWNER).user)

    response = client.post(confirm_url(stale, token=make_token(other)))

    stale.refresh_from_db()
    assert response.status_code == 400
    assert "This confirmation link is not valid any more" in response.text
    assert stale.last_confirmed_at is None


def test_confirming_with_an_expired_link_is_refused(client, stale):
    sixty_one_days_ago = time.time() - 61 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=sixty_one_days_ago):
        token = make_token(stale)
    client.force_login(stale.memberships.get(role=Role.OWNER).user)

    response = client.post(confirm_url(stale, token=token))

    stale.refresh_from_db()
    assert response.status_code == 400
    assert "not valid any more" in response.text
    assert stale.last_confirmed_at is None


def test_confirming_with_a_link_59_days_old_works(client, stale):
    fifty_nine_days_ago = time.time() - 59 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=fifty_nine_days_ago):
        token = make_token(stale)
    client.force_login(stale.memberships.get(role=Role.OWNER).user)

    client.post(confirm_url(stale, token=token))

    stale.refresh_from_db()
    assert stale.last_confirmed_at is not None
