"""Submitting content for review and acting on the moderator's decision.

A submission whose model's publishing policy lets the submitter skip review publishes at once.
Anyone else's goes into the "Moderation" workflow: a new object stays a draft (live=False), and
an edit to a published object is saved as a revision while the live row stays as it was.
Moderators approve or reject in the Wagtail admin; `record_review_outcome` (wired to Wagtail's
workflow signals in moderation.signals) trusts the submitter and tells the object's owners.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from . import emails
from .models import SubmissionToken
from .roles import is_trusted
from .slugs import save_with_unique_slug

PUBLICATION_FIELDS = [
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
]


class DuplicateSubmission(Exception):
    """The same create form was posted twice; `original` is what the first POST created."""

    def __init__(self, original):
        super().__init__("duplicate submission")
        self.original = original


def lock_for_moderation(obj):
    """Lock `obj`'s row until the transaction ends and return it fresh from the database.

    Every decision and every edit of moderated content takes this lock first (the admin's
    views in moderation.snippets, the owners' edit services), so they happen one at a time.
    """
    return type(obj)._default_manager.select_for_update(of=("self",)).get(pk=obj.pk)


def pending_submissions_count(user):
    return WorkflowState.objects.filter(
        requested_by=user, status=WorkflowState.STATUS_IN_PROGRESS
    ).count()


def check_pending_cap(user, *, policy=None):
    """Refuse a further submission when `user` already has too many waiting for review.

    Call inside the submission's transaction: the user's row is locked so that parallel
    submissions are counted one after the other and cannot pass the cap together.
    """
    capped = policy.is_capped(user) if policy else not is_trusted(user)
    if not capped:
        return
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if pending_submissions_count(user) >= settings.MODERATION_MAX_PENDING_PER_USER:
        raise PermissionDenied(
            _(
                "You already have %(count)s submissions waiting for review. Please wait until "
                "a moderator has looked at them."
            )
            % {"count": settings.MODERATION_MAX_PENDING_PER_USER}
        )


@transaction.atomic
def submit_new(obj, *, by, slug_from, token=None):
    """Save a new, unsaved `obj` (from a create form) and publish it or put it in review.

    In one transaction: refuses (DuplicateSubmission) a form already posted with the same
    `token`; refuses (PermissionDenied) an untrusted person over the pending cap; saves `obj` as
    a draft under a unique slug made from `slug_from`; then `submit_for_review`. Returns
    "published" or "pending".
    """
    if token is not None:
        _claim_token(token, by)
    policy = type(obj).publishing_policy
    check_pending_cap(by, policy=policy)
    obj.live = False
    save_with_unique_slug(obj, slug_from)
    if token is not None:
        SubmissionToken.objects.filter(token=token).update(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
    return submit_for_review(obj, by=by)


def _claim_token(token, user):
    try:
        with transaction.atomic():
            SubmissionToken.objects.create(token=token, user=user)
    except IntegrityError:
        raise DuplicateSubmission(_token_target(token, user)) from None


def _token_target(token, user):
    """What the first POST with `token` created (None if it was someone else's token)."""
    earlier = SubmissionToken.objects.filter(token=token, user=user).first()
    if earlier is None or earlier.content_type is None:
        return None
    model = earlier.content_type.model_class()
    return model._default_manager.filter(pk=earlier.object_id).first()


@transaction.atomic
def submit_for_review(obj, *, by):
    """Save `obj` (new, or an edit bound from a form) as a revision and publish or moderate it.

    New objects are first saved as drafts. For an existing published object only the revision is
    written, so the public page keeps showing the approved version. Whether `by` skips review is
    the model's publishing policy. Returns "published" or "pending".
    """
    if obj.pk is None:
        obj.live = False
        obj.save()
    revision = obj.save_revision(user=by, clean=False)
    if type(obj).publishing_policy.publishes_directly(obj, by):
        _cancel_workflow(obj, by)
        # The policy, not a Wagtail publish permission, is what lets a submitter publish.
        revision.publish(user=by, skip_permission_checks=True)
        # Wagtail publishes a copy made from the revision: bring `obj` up to date with it.
        obj.refresh_from_db(fields=PUBLICATION_FIELDS)
        return "published"
    _restart_workflow(obj, by)
    return "pending"


def _cancel_workflow(obj, user):
    state = obj.current_workflow_state
    if state:
        state.cancel(user=user)


def _restart_workflow(obj, user):
    """Start review afresh so moderators always see the latest revision."""
    state = obj.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return
    _cancel_workflow(obj, user)
    obj.get_workflow().start(obj, user)


# What belongs to the row as a whole rather than to one version of its content: an edit never
# writes these from the form's instance, which was read before the row was locked.
ROW_STATE_FIELDS = [*PUBLICATION_FIELDS, "latest_revision", "locked", "locked_at", "locked_by"]


@transaction.atomic
def submit_edit(obj, *, by):
    """Submit an edited `obj` (a form applied to `get_latest_revision_as_object()`).

    The row is locked first, so a moderator's decision and this edit happen one after the
    other, and the edit is applied onto the row as it is now: the form's instance was read
    before the lock, and a moderator may have published the object in between. Its publication
    state is taken from the locked row, so such an edit becomes a new review of a live object
    instead of writing the old draft state back (which would unpublish it). Something that was
    never published has no public page to protect, so its row is brought up to date too (its
    owners preview the row). Returns "published" or "pending".
    """
    current = lock_for_moderation(obj)
    for name in ROW_STATE_FIELDS:
        field = obj._meta.get_field(name)
        setattr(obj, field.attname, getattr(current, field.attname))
    if not current.workflow_in_progress:
        check_pending_cap(by, policy=type(obj).publishing_policy)
    if not current.live:
        obj.save()
    return submit_for_review(obj, by=by)


def record_review_outcome(workflow_state, *, approved, moderator):
    """After a moderator's decision: trust the submitter on approval, tell the owners.

    The e-mails are written to the outbox in the decision's transaction.
    """
    obj = workflow_state.content_object
    if obj is None or not hasattr(obj, "get_review_recipients"):
        return
    submitter = workflow_state.requested_by
    if approved and submitter and not submitter.trusted_at:
        submitter.trusted_at = timezone.now()
        submitter.save(update_fields=["trusted_at"])
    emails.send_review_outcome(obj, approved=approved, comment=_latest_comment(workflow_state))


def _latest_comment(workflow_state):
    task_state = workflow_state.task_states.order_by("-finished_at", "-pk").first()
    return (task_state.comment or "") if task_state else ""


@transaction.atomic
def submit_reviewed(obj, *, by, token=None):
    """Submit a new piece of reviewed content (moderation.models.ReviewedModel) built by its
    create form: `by` is recorded as its submitter, then `submit_new` (slug from its name).
    Returns `obj`; `obj.live` tells whether it was published at once."""
    obj.submitted_by = by
    submit_new(obj, by=by, slug_from=str(obj), token=token)
    return obj
