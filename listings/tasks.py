from celery import shared_task

from . import confirmation


@shared_task(name="listings.request_confirmations")
def request_confirmations_task():
    """Weekly (beat): ask the owners of listings of every kind unconfirmed for a year to confirm
    them."""
    return confirmation.request_confirmations()
