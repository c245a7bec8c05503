from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Dsi4euConfig(AppConfig):
    name = "dsi4eu"
    verbose_name = _("DSI4EU import")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import jobs

        jobs.register()
