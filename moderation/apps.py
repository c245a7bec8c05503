from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from wagtail.signals import published

        from . import signals, uploads

        signals.connect()
        published.connect(uploads.on_published, dispatch_uid="moderation.publish_files")
