import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dsihub.settings")

app = Celery("dsihub")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def add_registered_periodic_tasks(sender, **kwargs):
    """Beat's schedule is what the apps registered from their AppConfig.ready()
    (core.schedule); settings name no app's tasks."""
    import django
    from django.apps import apps

    # `celery beat` may finalize the app before the Django fixup has set Django up; the
    # registry is only complete once every app's ready() has run.
    if not apps.ready:
        django.setup()

    from core.schedule import periodic_tasks

    for entry in periodic_tasks():
        sender.add_periodic_task(
            entry.schedule, sender.signature(entry.task), name=entry.name, **entry.options
        )
