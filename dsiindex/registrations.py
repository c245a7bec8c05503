"""What the DSI Index adds to the kernel's registries: its menu entry, sitemap and cache bumps."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.invalidation import register_public_content
from core.navigation import NavigationEntry, register_navigation
from core.sitemaps import LocalisedSitemap, register_sitemap

from .models import City, Edition


class IndexSitemap(LocalisedSitemap):
    """The index, the explorer and the current edition's city pages; nothing (and so no entry
    in the sitemap index) before an edition is published."""

    changefreq = "monthly"

    def items(self):
        edition = Edition.objects.current()
        if edition is None:
            return []
        cities = City.objects.filter(edition=edition).order_by("slug")
        return ["dsiindex:index", "dsiindex:explore", *cities]

    def path(self, item):
        return item.get_absolute_url() if isinstance(item, City) else reverse(item)


register_public_content("dsiindex")
register_navigation(NavigationEntry("dsi-index", _("DSI Index"), "dsiindex:index", 75))
register_sitemap("dsi-index", IndexSitemap(), order=90)
