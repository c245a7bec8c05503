"""The review state shared by submitted content, and user reports.

Submitted content (organisations, projects, events, funding calls) inherits `ModeratedModel`:
Wagtail's draft state, revisions, locking and workflows on a plain model (a snippet). The live
row is what the public sees; an edit is saved as a revision and goes live only when a moderator
approves it. Who skips review is the model's `publishing_policy` (see moderation.policy).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from core.text import PlainTextCharField

from .policy import PublishingPolicy


def optional_link(to, **options):
    """A link that may stay empty and is cleared when what it points at goes: content outlives
    the accounts and organisations it names."""
    return models.ForeignKey(to, on_delete=models.SET_NULL, null=True, blank=True, **options)


def optional_links(to, **options):
    """Links to any number of `to` (none allowed), kept with the content's revisions."""
    return ParentalManyToManyField(to, blank=True, **options)


class ModeratedQuerySet(models.QuerySet):
    def published(self):
        """The only door to public listings, search, feeds and exports."""
        return self.filter(live=True)


class ModeratedModel(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel
):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(class)s",
        for_concrete_model=False,
    )

    publishing_policy = PublishingPolicy()

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions

    def may_preview(self, user):
        """Who may see this before it is published (its files included): the model's policy."""
        return type(self).publishing_policy.may_preview(self, user)

    def may_edit(self, user):
        return type(self).publishing_policy.may_edit(self, user)

    @property
    def awaiting_review(self):
        """True while a submission or an edit waits for a moderator."""
        return self.workflow_in_progress


class ReviewedModel(ModeratedModel):
    """Reviewed content that one person submits (events, funding calls): a title and the slug of
    its address; no members, the submitter previews and edits it (moderation.policy) and hears
    the moderators' decision.

    The content stays when its submitter's account goes (`submitted_by` is cleared): it is
    community information, like a listing that has another owner.
    """

    title = PlainTextCharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    submitted_by = optional_link(
        settings.AUTH_USER_MODEL,
        related_name="submitted_%(class)ss",
        verbose_name=_("submitted by"),
    )

    #: What every kind's search finds; a kind adds its own fields to it.
    search_fields = [index.SearchField("title", boost=3), index.FilterField("live")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def name(self):
        """What the shared moderation e-mails and report links call any submitted content."""
        return self.title

    def get_review_recipients(self):
        return [self.submitted_by] if self.submitted_by_id else []


def moderated_models():
    """Every concrete model on ModeratedModel (organisations, projects, events, funding calls)."""
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, ModeratedModel)]


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    INACCURATE = "inaccurate", _("Inaccurate or out of date")
    OFFENSIVE = "offensive", _("Offensive or abusive")
    DUPLICATE = "duplicate", _("Duplicate of another listing")
    OTHER = "other", _("Something else")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    """A logged-in user's report of a listing or a profile, for moderators to review."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports_made"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    subject_label = models.CharField(_("reported item"), max_length=255)
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    text = models.TextField(_("details"), max_length=2000)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = optional_link(settings.AUTH_USER_MODEL, related_name="+")

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.subject_label}"


class SubmissionToken(models.Model):
    """A rendered create form's one-time token: a second POST of the same form creates nothing.

    The create view inserts the token in the submission's transaction; a double click or a
    resent form hits the unique index and is sent to what the first POST created.
    """

    token = models.UUIDField(unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True)
    object_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.token)
