from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewState(models.TextChoices):
    """Where a submission stands with the moderators, as its owners see it (dashboard, page)."""

    PUBLISHED = "published", _("Published")
    AWAITING_REVIEW = "awaiting_review", _("Awaiting review")
    CHANGES_AWAITING_REVIEW = "changes_awaiting_review", _("Changes awaiting review")
    NEEDS_CHANGES = "needs_changes", _("Needs changes")
