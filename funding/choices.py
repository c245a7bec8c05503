from django.db import models
from django.utils.translation import gettext_lazy as _


class FundingType(models.TextChoices):
    GRANT = "grant", _("Grant")
    INVESTMENT = "investment", _("Investment or social investment")
    ACCELERATOR = "accelerator", _("Incubator or accelerator")
    NON_FINANCIAL = "non-financial", _("Non-financial support")
    WORKING_SPACE = "working-space", _("Working space")
    NETWORKING = "networking", _("Networking opportunity")


class Audience(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    RESEARCH = "research", _("Research")
    STARTUP = "startup", _("Startups")
    NON_PROFIT = "non-profit", _("Social enterprises and non-profits")
    INDIVIDUALS = "individuals", _("Individuals")


class Currency(models.TextChoices):
    EUR = "EUR", _("euro (EUR)")
    GBP = "GBP", _("pound sterling (GBP)")
    CHF = "CHF", _("Swiss franc (CHF)")
    USD = "USD", _("US dollar (USD)")
    SEK = "SEK", _("Swedish krona (SEK)")
    DKK = "DKK", _("Danish krone (DKK)")
    NOK = "NOK", _("Norwegian krone (NOK)")
    PLN = "PLN", _("Polish złoty (PLN)")


class CallStatus(models.TextChoices):
    OPEN = "open", _("Open calls")
    CLOSED = "closed", _("Closed calls (archive)")


#: Days before a saved call's deadline at which its savers are reminded, largest first.
REMINDER_THRESHOLDS = (14, 3)
