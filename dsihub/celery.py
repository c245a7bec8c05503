import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dsihub.settings")

app = Celery("dsihub")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
