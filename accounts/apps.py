from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from post_office.signals import email_queued

        from core.invalidation import register_public_content

        from .tasks import kick_outbox

        email_queued.connect(kick_outbox, dispatch_uid="accounts.kick_outbox")

        register_public_content("accounts")  # public profiles
