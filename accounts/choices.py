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
