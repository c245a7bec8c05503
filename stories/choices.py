from django.db import models
from django.utils.translation import gettext_lazy as _


class StoryKind(models.TextChoices):
    BLOG = "blog", _("Blog post")
    CASE_STUDY = "case-study", _("Case study")


class ResourceType(models.TextChoices):
    REPORT = "report", _("Report")
    TOOLKIT = "toolkit", _("Toolkit")
    GUIDE = "guide", _("Guide")
    DATASET = "dataset", _("Dataset")
    VIDEO = "video", _("Video")
    OTHER = "other", _("Other")


class Colour(models.TextChoices):
    """Listing colours of case study cards, named after the CSS modifiers they select."""

    TEAL = "teal", _("Teal")
    CORAL = "coral", _("Coral")
    INDIGO = "indigo", _("Indigo")
    SAND = "sand", _("Sand")
