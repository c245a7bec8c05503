from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from celery.schedules import crontab

        from core.clock import utc_now
        from core.navigation import NavigationEntry, register_navigation
        from core.schedule import register_periodic_task

        from .registrations import register

        register()

        register_navigation(NavigationEntry("newsletter", _("Newsletter"), "newsletter:index", 90))

        register_periodic_task("dispatch-newsletter-issues", "newsletter.dispatch_due_issues", 60.0)
        register_periodic_task(
            "create-next-newsletter-issue",
            "newsletter.create_next_issue",
            crontab(day_of_month=25, hour=8, minute=0),
        )
        # Mondays 07:00 UTC, whatever TIME_ZONE is.
        register_periodic_task(
            "queue-weekly-event-digest",
            "newsletter.queue_weekly_digest",
            crontab(day_of_week="mon", hour=7, minute=0, nowfun=utc_now),
        )
        register_periodic_task(
            "purge-unconfirmed-subscribers",
            "newsletter.purge_unconfirmed",
            crontab(hour=4, minute=11),
        )
