from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    def ready(self):
        from celery.schedules import crontab
        from wagtail.contrib.sitemaps import Sitemap as PageSitemap

        from core.invalidation import register_public_content
        from core.navigation import NavigationEntry, register_navigation
        from core.schedule import register_periodic_task
        from core.sitemaps import register_sitemap

        from . import registrations, resource_import

        registrations.register()
        resource_import.register()

        # Wagtail's pages (home, stories, standard pages) and the images and documents they show.
        register_public_content(
            "stories", "wagtailimages", "wagtaildocs", ignoring=["wagtailimages.rendition"]
        )
        register_sitemap("pages", PageSitemap, order=10)
        # A Wagtail page, not a URL name: the story index lives in the page tree.
        register_navigation(NavigationEntry("stories", _("Stories"), "/stories/", 60))

        # Wagtail's publish_scheduled: pages whose "go live" time has come.
        register_periodic_task(
            "publish-scheduled-pages", "stories.publish_scheduled", crontab(minute="*")
        )
