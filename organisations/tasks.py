import logging

from celery import shared_task

from . import claims
from .models import Claim

logger = logging.getLogger(__name__)


@shared_task(name="organisations.send_claim_decision")
def send_claim_decision_task(*, claim_id, reason=""):
    """Write a claim decision's e-mail to the outbox (the services now do it themselves; the
    task stays, same name, for messages queued by an earlier release)."""
    claim = Claim.objects.select_related("organisation", "user").filter(pk=claim_id).first()
    if claim is None or claim.decided_at is None:
        logger.info("Claim %s is gone or undecided; no e-mail sent", claim_id)
        return 0
    return claims.send_claim_decision(claim, reason=reason)


# The listings' tasks were named after organisations before projects shared them; these names
# stay for messages queued by an earlier release (listings names no kind of its own).
@shared_task(name="organisations.send_membership_email")
def send_membership_email_legacy_task(**kwargs):
    from listings.membership.tasks import send_membership_email_task

    return send_membership_email_task.run(**kwargs)


@shared_task(name="organisations.request_confirmations")
def request_confirmations_legacy_task():
    from listings.tasks import request_confirmations_task

    return request_confirmations_task.run()
