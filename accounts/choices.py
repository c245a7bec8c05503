from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkKind(models.TextChoices):
    """What a link on a person's profile points to (accounts is a bottom app: its own list)."""

    WEBSITE = "website", _("Website")
    MASTODON = "mastodon", _("Mastodon")
    BLUESKY = "bluesky", _("Bluesky")
    LINKEDIN = "linkedin", _("LinkedIn")
    GITHUB = "github", _("GitHub")
    ORCID = "orcid", _("ORCID")
    OTHER = "other", _("Other")


class ReviewState(models.TextChoices):
    """Where a listing stands with the moderators, as its members see it on the dashboard."""

    PUBLISHED = "published", _("Published")
    AWAITING_REVIEW = "awaiting_review", _("Awaiting review")
    CHANGES_AWAITING_REVIEW = "changes_awaiting_review", _("Changes awaiting review")
    NEEDS_CHANGES = "needs_changes", _("Needs changes")
