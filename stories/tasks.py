from celery import shared_task
from django.core.management import call_command


@shared_task(name="stories.publish_scheduled")
def publish_scheduled_task():
    """Every minute (beat): publish pages whose "go live" time has come and unpublish expired
    ones (Wagtail's own command). Safe to run twice: a published revision is no longer due."""
    call_command("publish_scheduled")
