"""Wagtail's workflow signals are how a decision taken in the Wagtail admin reaches our service;
its `published` signal moves the files of what just went live out of `pending/` (uploads).

Wagtail's own approval/rejection e-mails to the submitter link into the admin, which submitters
cannot use; they are disconnected here and `record_review_outcome` e-mails the listing's managers.
"""

from wagtail.admin.signal_handlers import (
    workflow_approval_email_notifier,
    workflow_rejection_email_notifier,
)
from wagtail.models import WorkflowState
from wagtail.signals import published, workflow_approved, workflow_rejected

from . import services, uploads


def on_workflow_approved(sender, instance, user, **kwargs):
    services.record_review_outcome(instance, approved=True, moderator=user)


def on_workflow_rejected(sender, instance, user, **kwargs):
    services.record_review_outcome(instance, approved=False, moderator=user)


def connect():
    workflow_approved.disconnect(
        workflow_approval_email_notifier,
        sender=WorkflowState,
        dispatch_uid="workflow_state_approved_email_notification",
    )
    workflow_rejected.disconnect(
        workflow_rejection_email_notifier,
        sender=WorkflowState,
        dispatch_uid="workflow_state_rejected_email_notification",
    )
    workflow_approved.connect(
        on_workflow_approved, sender=WorkflowState, dispatch_uid="dsihub_approved"
    )
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid="dsihub_rejected"
    )
    published.connect(uploads.on_published, dispatch_uid="moderation.publish_files")
