import logging

from celery import shared_task
from django.contrib.contenttypes.models import ContentType

from . import emails

logger = logging.getLogger(__name__)


@shared_task(name="moderation.send_review_outcome")
def send_review_outcome_task(*, content_type_id, object_id, approved, comment):
    """Write a review outcome's e-mails to the outbox (the service now does it in the decision's
    transaction; the task stays, same name, for messages queued by an earlier release)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    obj = model.objects.filter(pk=object_id).first()
    if obj is None:
        logger.info("Reviewed %s %s is gone; no e-mail sent", model.__name__, object_id)
        return 0
    return emails.send_review_outcome(obj, approved=approved, comment=comment)
