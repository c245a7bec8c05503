"""The clusters' section of the sitemap: the six cluster pages (clusters are not moderated)."""

from core.sitemaps import LocalisedSitemap

from .models import Cluster


class ClustersSitemap(LocalisedSitemap):
    changefreq = "weekly"

    def items(self):
        return Cluster.objects.order_by("sort_order", "pk")
