from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClustersConfig(AppConfig):
    name = "clusters"
    verbose_name = _("Clusters")

    def ready(self):
        from django.db.models.signals import m2m_changed

        from core.invalidation import register_public_content
        from core.navigation import NavigationEntry, register_navigation
        from core.sitemaps import register_sitemap

        from .leads import on_leads_changed
        from .models import Cluster
        from .sitemaps import ClustersSitemap

        m2m_changed.connect(
            on_leads_changed, sender=Cluster.leads.through, dispatch_uid="clusters.leads_group"
        )

        register_public_content("clusters", "wagtailimages", ignoring=["wagtailimages.rendition"])
        register_navigation(NavigationEntry("clusters", _("Clusters"), "clusters:index", 30))
        register_sitemap("clusters", ClustersSitemap, order=35)
