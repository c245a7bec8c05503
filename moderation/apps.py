from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from django.contrib.auth import get_user_model

        from . import signals
        from .reports import register_reportable

        # People's profiles may be reported; accounts sits below moderation and cannot say so.
        User = get_user_model()
        register_reportable(User, queryset=lambda: User.objects.active())
        signals.connect()
