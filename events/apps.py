from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from celery.schedules import crontab

        from core.invalidation import register_public_content
        from core.navigation import NavigationEntry, register_navigation
        from core.schedule import register_periodic_task
        from core.sitemaps import register_published_sitemap

        from .models import Event
        from .registrations import register

        register()

        register_public_content("events")
        register_published_sitemap("events", Event, order=40)
        register_navigation(NavigationEntry("events", _("Events"), "events:event-list", 40))

        register_periodic_task(
            "refresh-event-occurrences", "events.refresh_occurrences", crontab(minute=7)
        )
