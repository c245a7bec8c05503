from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    def ready(self):
        from celery.schedules import crontab

        from core.invalidation import register_public_content, register_public_models
        from core.navigation import NavigationEntry, register_navigation
        from core.schedule import register_periodic_task
        from core.sitemaps import register_sitemap

        from . import registrations, resource_import
        from .sitemaps import PagesSitemap

        registrations.register()
        resource_import.register()

        # Wagtail's pages (home, stories, standard pages) and the images and documents they show.
        register_public_content(
            "stories", "wagtailimages", "wagtaildocs", ignoring=["wagtailimages.rendition"]
        )
        # The Wagtail Site: its hostname and port make the pages' full addresses.
        register_public_models("wagtailcore.site")
        register_sitemap("pages", PagesSitemap, order=10)
        # A Wagtail page, not a URL name: the story index lives in the page tree.
        register_navigation(NavigationEntry("stories", _("Stories"), "/stories/", 60))

        # Wagtail's publish_scheduled: pages whose "go live" time has come.
        register_periodic_task(
            "publish-scheduled-pages", "stories.publish_scheduled", crontab(minute="*")
        )
