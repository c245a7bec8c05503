from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = _("Funding")

    def ready(self):
        from core.invalidation import register_public_content
        from core.navigation import NavigationEntry, register_navigation
        from core.sitemaps import register_published_sitemap

        from . import registrations
        from .models import FundingCall

        registrations.register()

        register_public_content("funding")
        register_published_sitemap("funding", FundingCall, order=50)
        register_navigation(NavigationEntry("funding", _("Funding"), "funding:index", 50))
