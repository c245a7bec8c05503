import logging

from celery import shared_task
from django.apps import apps
from django.contrib.auth import get_user_model

from . import claims, confirmation, membership_emails
from .models import Claim, Listing, Organisation

logger = logging.getLogger(__name__)


@shared_task(
    name="organisations.send_membership_email",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_membership_email_task(
    *, event, listing_model, listing_id, object_id=None, user_id=None, actor_id=None
):
    """E-mail the people concerned by a membership `event` (see organisations.membership)."""
    model = apps.get_model(listing_model)
    if not issubclass(model, Listing) or event not in membership_emails.BUILDERS:
        logger.warning("Unknown membership e-mail %s for %s", event, listing_model)
        return 0
    listing = model.objects.filter(pk=listing_id).first()
    if listing is None:
        logger.info("%s %s is gone; no %s e-mail sent", listing_model, listing_id, event)
        return 0
    users = get_user_model().objects.in_bulk([pk for pk in (user_id, actor_id) if pk])
    return membership_emails.send_membership_email(
        event,
        listing,
        object_id=object_id,
        user=users.get(user_id),
        actor=users.get(actor_id),
    )


@shared_task(
    name="organisations.send_claim_decision",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_claim_decision_task(*, claim_id, reason=""):
    claim = Claim.objects.select_related("organisation", "user").filter(pk=claim_id).first()
    if claim is None or claim.decided_at is None:
        logger.info("Claim %s is gone or undecided; no e-mail sent", claim_id)
        return 0
    return claims.send_claim_decision(claim, reason=reason)


@shared_task(name="organisations.request_confirmations")
def request_confirmations_task():
    return confirmation.request_confirmations()


@shared_task(
    name="organisations.send_confirmation_request",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_confirmation_request_task(*, organisation_id):
    queryset = confirmation.with_managers(Organisation.objects.published())
    organisation = queryset.filter(pk=organisation_id).first()
    if organisation is None:
        logger.info("Organisation %s is gone or unpublished; no e-mail sent", organisation_id)
        return 0
    return confirmation.send_confirmation_request(organisation)
