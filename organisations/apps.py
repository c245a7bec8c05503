from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from accounts.export import register_exporter
        from core.invalidation import register_public_content
        from core.navigation import NavigationEntry, register_navigation
        from core.sitemaps import register_published_sitemap

        from .claims import export_claims
        from .models import Organisation

        register_exporter(export_claims)

        register_public_content("organisations", ignoring=["organisations.claim"])
        register_published_sitemap("organisations", Organisation, order=20)
        register_navigation(
            NavigationEntry(
                "organisations", _("Organisations"), "organisations:organisation-list", 10
            )
        )
