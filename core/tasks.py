import logging

from celery import shared_task
from django.utils.translation import gettext as _

from . import jobs

logger = logging.getLogger(__name__)


@shared_task(name="core.run_job")
def run_job_task(*, job_id):
    """Run a background job for about a minute, then continue in a new task until it is done."""
    try:
        outcome = jobs.run_job(job_id, time_budget=jobs.SLICE_SECONDS)
    except Exception:
        logger.exception("background job %s failed", job_id)
        jobs.mark_failed(
            job_id,
            _("The job stopped on an unexpected error; the rows counted as processed are saved."),
        )
        raise
    if outcome == "continue":
        run_job_task.delay(job_id=job_id)
    return outcome
