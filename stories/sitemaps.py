"""The Wagtail pages' section of the sitemap: every live, public page of the default site."""

from wagtail.models import Page, Site

from core.sitemaps import LocalisedSitemap


class PagesSitemap(LocalisedSitemap):
    """Addresses are the pages' paths on the host the sitemap is asked by, never the Wagtail
    Site's root URL (which is `http://localhost` until an editor sets the hostname)."""

    changefreq = "weekly"

    def items(self):
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
        if site is None:
            return Page.objects.none()
        return (
            site.root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
        )

    def path(self, page):
        return page.get_url_parts()[2]

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at
