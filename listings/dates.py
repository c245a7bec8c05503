"""The dates the hub accepts in what people submit: the years 1900 to 2200.

Outside them a date is a typo or a probe, and near year 1 or 9999 moving a time between zones
leaves what Python's datetime (and PostgreSQL's timestamp) can hold. Events and funding calls
check their dates here, at the form field and on the model, so every form that edits them
(the public ones and the admin's) answers with this message.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST_YEAR = 1900
LATEST_YEAR = 2200


def in_calendar_range(value):
    """Whether a date or datetime falls in the years the hub accepts (its own wall-clock year,
    so no time-zone conversion can overflow on the way)."""
    return EARLIEST_YEAR <= value.year <= LATEST_YEAR


def validate_in_calendar_range(value):
    if value is not None and not in_calendar_range(value):
        raise ValidationError(
            _("Choose a date between the years %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
        )
