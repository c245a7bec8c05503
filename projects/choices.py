from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectStatus(models.TextChoices):
    LIVE = "live", _("Live")
    CLOSED = "closed", _("Closed")
