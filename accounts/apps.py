from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from celery.schedules import crontab
        from post_office.signals import email_queued

        from core.invalidation import register_public_content
        from core.schedule import register_periodic_task

        from .tasks import kick_outbox

        email_queued.connect(kick_outbox, dispatch_uid="accounts.kick_outbox")

        register_public_content("accounts")  # public profiles

        register_periodic_task(
            "clear-expired-sessions", "accounts.clear_expired_sessions", crontab(hour=3, minute=17)
        )
        # The outbox: what is due, including retries.
        register_periodic_task("send-due-mail", "accounts.send_due_messages", 60.0)
