"""Submitting for review and the moderator's decision, on a real Organisation."""

import pytest
from django.core.exceptions import PermissionDenied

from listings.choices import Role
from moderation.roles import is_trusted
from moderation.services import check_pending_cap, submit_for_review
from organisations.models import Organisation
from tests.factories.accounts import UserFactory
from tests.factories.listings import MembershipFactory
from tests.support.mail import text_of
from tests.support.moderation import decide

pytestmark = pytest.mark.django_db


def new_organisation(owner, name="Open Kitchen Collective"):
    organisation = Organisation(
        name=name, slug=name.lower().replace(" ", "-"), short_description="Cooking together."
    )
    result = submit_for_review(organisation, by=owner)
    MembershipFactory(organisation=organisation, user=owner, role=Role.OWNER)
    return organisation, result


def test_untrusted_submission_is_a_draft_in_review():
    organisation, result = new_organisation(UserFactory())

    assert result == "pending"
    assert organisation.live is False
    assert organisation.awaiting_review is True
    assert list(Organisation.objects.published()) == []


def test_moderators_are_trusted_and_publish_at_once(moderator):
    organisation, result = new_organisation(moderator)

    assert is_trusted(moderator)
    assert result == "published"
    assert list(Organisation.objects.published()) == [organisation]


def test_approval_publishes_trusts_the_submitter_and_emails_the_owner(
    owner, moderator, mailbox, django_capture_on_commit_callbacks
):
    organisation, _ = new_organisation(owner)

    with django_capture_on_commit_callbacks(execute=True):
        decide(organisation, moderator, "approve", comment="Welcome aboard")

    assert organisation.live is True
    owner.refresh_from_db()
    assert is_trusted(owner)
    [message] = mailbox.wait_for("owner@example.org")
    assert message["Subject"] == '[DSI Hub] "Open Kitchen Collective" is published'
    assert "Welcome aboard" in text_of(message)


def test_rejection_keeps_the_submission_and_emails_the_comment(
    owner, moderator, mailbox, django_capture_on_commit_callbacks
):
    organisation, _ = new_organisation(owner)

    with django_capture_on_commit_callbacks(execute=True):
        decide(organisation, moderator, "reject", comment="Please describe what you do.")

    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert organisation.live is False
    [message] = mailbox.wait_for("owner@example.org")
    assert message["Subject"] == '[DSI Hub] "Open Kitchen Collective" needs changes'
    body = text_of(message)
    assert "Please describe what you do." in body
    assert "Nothing was deleted" in body
    assert "/organisations/open-kitchen-collective/edit/" in body


def test_edit_to_published_listing_stays_off_the_live_row_until_approved(owner, moderator):
    organisation, _ = new_organisation(owner)
    decide(organisation, moderator, "approve")
    owner.trusted_at = None
    owner.save()

    edited = organisation.get_latest_revision_as_object()
    edited.short_description = "Now also composting."
    assert submit_for_review(edited, by=owner) == "pending"

    live = Organisation.objects.get(pk=organisation.pk)
    assert live.short_description == "Cooking together."
    assert live.has_unpublished_changes is True
    decide(live, moderator, "approve")
    assert Organisation.objects.get(pk=organisation.pk).short_description == "Now also composting."


def test_resubmission_after_rejection_resumes_the_review(owner, moderator):
    organisation, _ = new_organisation(owner)
    decide(organisation, moderator, "reject", comment="Add a website")

    edited = organisation.get_latest_revision_as_object()
    edited.website = "https://kitchen.example.org"
    submit_for_review(edited, by=owner)

    organisation.refresh_from_db()
    assert organisation.awaiting_review is True
    assert organisation.get_latest_revision_as_object().website == "https://kitchen.example.org"


def test_untrusted_users_have_a_cap_on_pending_submissions(settings, owner):
    settings.MODERATION_MAX_PENDING_PER_USER = 2
    new_organisation(owner, "First")
    new_organisation(owner, "Second")

    with pytest.raises(PermissionDenied, match="2 submissions waiting for review"):
        check_pending_cap(owner)
