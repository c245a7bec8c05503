from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from post_office.signals import email_queued

        from moderation.reports import register_reportable

        from .models import User
        from .tasks import kick_outbox

        register_reportable(User, queryset=lambda: User.objects.active())
        email_queued.connect(kick_outbox, dispatch_uid="accounts.kick_outbox")
