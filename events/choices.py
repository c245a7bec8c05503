from django.db import models
from django.utils.translation import gettext_lazy as _


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class Frequency(models.TextChoices):
    WEEKLY = "WEEKLY", _("Every week")
    MONTHLY = "MONTHLY", _("Every month")


class When(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    PAST = "past", _("Past")


#: Formats that happen somewhere: they need a place.
PLACED_FORMATS = frozenset({EventFormat.IN_PERSON, EventFormat.HYBRID})
