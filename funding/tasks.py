from celery import shared_task

from core.content_version import bump_content_version

from . import services


@shared_task(name="funding.send_deadline_reminders")
def send_deadline_reminders_task():
    """Daily (beat): e-mail people 14 and 3 days before the deadlines of calls they saved.
    Safe to run twice: each person's reminders are claimed under a row lock."""
    return services.send_deadline_reminders()


@shared_task(name="funding.roll_over_deadlines")
def roll_over_deadlines_task():
    """Just after midnight (beat): "closes in 5 days" is now "closes in 4 days", and yesterday's
    deadlines have passed, with no row changed: move the content version so cached pages that
    show deadlines are rendered afresh."""
    bump_content_version()
