"""Decisions and edits that cross each other end in one consistent state (moderation.snippets).

Two people act at the same moment, in two threads with their own database connections against
the real PostgreSQL: both requests wait at a barrier, then post together.
"""

import pytest
from django.urls import reverse
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
