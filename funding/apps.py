from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = _("Funding")

    def ready(self):
        from celery.schedules import crontab

        from core.invalidation import register_public_content
        from core.navigation import NavigationEntry, register_navigation
        from core.schedule import register_periodic_task
        from core.sitemaps import register_published_sitemap

        from . import registrations
        from .models import FundingCall

        registrations.register()

        register_public_content("funding")
        register_published_sitemap("funding", FundingCall, order=50)
        register_navigation(NavigationEntry("funding", _("Funding"), "funding:index", 50))

        register_periodic_task(
            "send-funding-deadline-reminders",
            "funding.send_deadline_reminders",
            crontab(hour=7, minute=5),
        )
        # Cached pages stop saying "closes in 5 days" on the next day.
        register_periodic_task(
            "roll-over-funding-deadlines", "funding.roll_over_deadlines", crontab(hour=0, minute=1)
        )
