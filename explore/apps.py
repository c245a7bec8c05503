from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExploreConfig(AppConfig):
    name = "explore"
    verbose_name = _("Explore")

    def ready(self):
        from django.db.models.signals import post_migrate

        from core import invalidation

        invalidation.connect()
        # Caches keep pickled model instances under the content version; a release runs
        # `migrate`, and a new version then keeps the old code's objects from being read back.
        post_migrate.connect(invalidation.on_migrate, dispatch_uid="explore.migrate")
