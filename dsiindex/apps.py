from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DSIIndexConfig(AppConfig):
    name = "dsiindex"
    verbose_name = _("DSI Index")

    def ready(self):
        from . import registrations  # noqa: F401
