from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, invalidation  # noqa: F401 - checks registers itself

        # The content version moves on every change of registered public content and on
        # migrate, whichever apps are installed.
        invalidation.connect()
