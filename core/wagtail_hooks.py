from django.urls import path
from wagtail import hooks

from .views import job_detail


@hooks.register("register_admin_urls")
def register_job_urls():
    return [path("jobs/<int:pk>/", job_detail, name="core_job")]
