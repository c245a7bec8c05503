"""Decisions and edits that cross each other end in one consistent state (moderation.snippets).

Two people act at the same moment, in two threads with their own database connections against
the real PostgreSQL: both requests wait at a barrier, then post together.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import reverse
from post_office.models import Email
from wagtail.models import TaskState, WorkflowState

from organisations.models import Organisation
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory
from tests.support.concurrency import logged_in, together
from tests.support.forms import organisation_data
from tests.support.moderation import submit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def action_url(organisation, action):
    task_state = organisation.current_workflow_state.current_task_state
    return reverse(
        "wagtailsnippets_organisations_organisation:workflow_action",
        args=(organisation.pk, action, task_state.pk),
    )


@pytest.fixture
def in_review(owner):
    organisation = OrganisationFactory(name="Open Commons", pending=True, owner=owner)
    return submit(organisation, by=owner)


@pytest.fixture
def two_moderators():
    return [UserFactory(groups=["Moderators"]) for _ in range(2)]


def test_approve_and_reject_at_the_same_moment_take_one_decision(
    in_review, two_moderators, mailbox
):
    approver, rejecter = (logged_in(user) for user in two_moderators)
    approve, reject = action_url(in_review, "approve"), action_url(in_review, "reject")

    responses = together(
        lambda: approver.post(approve, {"comment": ""}),
        lambda: rejecter.post(reject, {"comment": "Please add a description."}),
    )

    in_review.refresh_from_db()
    task = TaskState.objects.get(workflow_state__object_id=str(in_review.pk))
    workflow = task.workflow_state
    outcomes = {
        (TaskState.STATUS_APPROVED, WorkflowState.STATUS_APPROVED, True),
        (TaskState.STATUS_REJECTED, WorkflowState.STATUS_NEEDS_CHANGES, False),
    }
    assert [r.status_code for r in responses] == [302, 302]
    assert (task.status, workflow.status, in_review.live) in outcomes
    [message] = mailbox.wait_for("owner@example.org")
    word = "published" if in_review.live else "needs changes"
    assert word in message["Subject"]


def test_an_approval_crossing_the_owners_edit_leaves_the_edit_waiting_for_review(
    in_review, moderator, owner
):
    moderator_client, owner_client = logged_in(moderator), logged_in(owner)
    approve = action_url(in_review, "approve")
    edit = organisation_data(  # no city: a flush may have emptied the gazetteer
        name="Open Commons", short_description="Now with repair nights.", city=""
    )

    responses = together(
        lambda: moderator_client.post(approve, {"comment": ""}),
        lambda: owner_client.post(in_review.get_edit_url(), edit),
    )

    organisation = Organisation.objects.get(pk=in_review.pk)
    states = list(WorkflowState.objects.filter(object_id=str(organisation.pk)).order_by("pk"))
    assert [r.status_code for r in responses] == [302, 302]
    latest = organisation.get_latest_revision_as_object()
    assert latest.short_description == "Now with repair nights."
    if organisation.live:  # the approval came first: the edit is a new review of a live page
        assert organisation.short_description != "Now with repair nights."
        assert states[-1].status == WorkflowState.STATUS_IN_PROGRESS
        assert organisation.has_unpublished_changes
    else:  # the edit came first: it restarted the review and the approval was not applied
        assert [s.status for s in states][-1] == WorkflowState.STATUS_IN_PROGRESS
        assert states[-1].current_task_state.status == TaskState.STATUS_IN_PROGRESS


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_an_approval_crossing_the_owners_edit_never_unpublishes_the_listing(
    moderator, owner, settings
):
    """The probe's race, fifty times: an untrusted owner's edit POST and the moderator's approve
    POST land together. Each round ends approved (live, with the edit waiting as a new review)
    or with the approval refused; never approved-then-unpublished, and the owner is never told
    "published" about something that is not public."""
    settings.MODERATION_MAX_PENDING_PER_USER = 1000  # the owner's edits pile up over the rounds
    settings.EMAIL_BACKEND = "accounts.outbox.OutboxBackend"  # rows: written on commit only
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    moderator_client, owner_client = logged_in(moderator), logged_in(owner)
    edit = organisation_data(short_description="Now with repair nights.", city="")
    for round_number in range(50):
        get_user_model().objects.filter(pk=owner.pk).update(trusted_at=None)
        name = f"Open Commons {round_number}"
        pending = submit(OrganisationFactory(name=name, pending=True, owner=owner), by=owner)
        approve = action_url(pending, "approve")

        approved, edited = together(
            lambda: moderator_client.post(approve, {"comment": ""}),  # noqa: B023 - run at once
            lambda: owner_client.post(pending.get_edit_url(), {**edit, "name": name}),  # noqa: B023
        )

        organisation = Organisation.objects.get(pk=pending.pk)
        states = list(WorkflowState.objects.filter(object_id=str(organisation.pk)).order_by("pk"))
        statuses = [state.status for state in states]
        assert (approved.status_code, edited.status_code) == (302, 302), round_number
        assert states[-1].status == WorkflowState.STATUS_IN_PROGRESS, (round_number, statuses)
        latest = organisation.get_latest_revision_as_object()
        assert latest.short_description == "Now with repair nights.", round_number
        told = " ".join(_messages(edited))
        if WorkflowState.STATUS_APPROVED in statuses:  # approved, then the edit went to review
            assert organisation.live, (round_number, statuses)
            assert organisation.live_revision_id is not None, round_number
            assert organisation.first_published_at is not None, round_number
            assert organisation.short_description != "Now with repair nights.", round_number
            assert organisation.has_unpublished_changes, round_number
            assert "public page shows the previous version" in told, (round_number, told)
        else:  # the edit restarted the review first; the approval was not applied
            assert not organisation.live, (round_number, statuses)
            assert "Someone else acted" in " ".join(_messages(approved)), round_number
            assert "waiting for a moderator" in told, (round_number, told)
        assert "published" not in told, (round_number, told)
        published = Email.objects.filter(subject__contains=f'"{name}" is published')
        subjects = [email.subject for email in published]
        assert subjects == ([f'[DSI Hub] "{name}" is published'] if organisation.live else []), (
            round_number,
            subjects,
        )
