from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExploreConfig(AppConfig):
    name = "explore"
    verbose_name = _("Explore")

    def ready(self):
        from core.navigation import NavigationEntry, register_navigation

        from . import neighbourhood

        register_navigation(NavigationEntry("explore", _("Explore"), "explore:index", 70))
        neighbourhood.register()
