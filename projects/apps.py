from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from core.invalidation import register_public_content
        from core.navigation import NavigationEntry, register_navigation
        from core.sitemaps import register_published_sitemap

        from .models import Project

        register_public_content("projects")
        register_published_sitemap("projects", Project, order=30)
        register_navigation(NavigationEntry("projects", _("Projects"), "projects:project-list", 20))
