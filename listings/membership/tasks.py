import logging

from celery import shared_task
from django.apps import apps
from django.contrib.auth import get_user_model

from listings.models import Listing

from . import emails

logger = logging.getLogger(__name__)


@shared_task(name="listings.send_membership_email")
def send_membership_email_task(
    *, event, listing_model, listing_id, object_id=None, user_id=None, actor_id=None
):
    """Write a membership event's e-mails to the outbox.

    The services now write them in their own transaction; the task stays (same name) for
    messages queued by an earlier release and for sending an event's e-mails again by hand.
    """
    model = apps.get_model(listing_model)
    if not issubclass(model, Listing) or event not in emails.BUILDERS:
        logger.warning("Unknown membership e-mail %s for %s", event, listing_model)
        return 0
    listing = model.objects.filter(pk=listing_id).first()
    if listing is None:
        logger.info("%s %s is gone; no %s e-mail sent", listing_model, listing_id, event)
        return 0
    users = get_user_model().objects.in_bulk([pk for pk in (user_id, actor_id) if pk])
    return emails.notify(
        event, listing, object_id=object_id, user=users.get(user_id), actor=users.get(actor_id)
    )
