from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListingsConfig(AppConfig):
    """The shared core of organisations and projects (abstract models only, no tables).

    On start-up it registers, for every concrete listing model, what the bottom apps ask of the
    apps above them: reporting, the personal-data export, deletion blockers and the sections of
    the dashboard and public profile (see listings.registrations).
    """

    name = "listings"
    verbose_name = _("Listings")

    def ready(self):
        from celery.schedules import crontab

        from core.schedule import register_periodic_task

        from . import registrations

        registrations.register()

        # One task over every kind that asks for a yearly confirmation.
        register_periodic_task(
            "request-listing-confirmations",
            "listings.request_confirmations",
            crontab(day_of_week="mon", hour=6, minute=30),
        )
