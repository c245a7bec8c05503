from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from core.navigation import NavigationEntry, register_navigation

        from .registrations import register

        register()

        register_navigation(NavigationEntry("newsletter", _("Newsletter"), "newsletter:index", 90))
