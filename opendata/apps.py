from celery.schedules import crontab
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    name = "opendata"
    verbose_name = _("Open data")

    def ready(self):
        from core.downloads import register_downloads
        from core.invalidation import register_public_content
        from core.navigation import NavigationEntry, register_navigation
        from core.schedule import register_periodic_task

        from .dictionary import downloadable
        from .links import download_links

        register_navigation(NavigationEntry("open-data", _("Open data"), "opendata:index", 80))
        register_public_content("opendata")  # a new snapshot changes /open-data/
        register_periodic_task(
            "write-open-data-snapshot", "opendata.write_snapshot", crontab(hour=2, minute=41)
        )
        for dataset in downloadable():
            register_downloads(dataset.model._meta.label, download_links(dataset))
