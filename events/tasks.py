from celery import shared_task

from . import services


@shared_task(name="events.refresh_occurrences")
def refresh_occurrences_task():
    return services.refresh_occurrences()
