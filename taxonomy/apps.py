from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Taxonomy")

    def ready(self):
        from core.invalidation import register_public_content

        register_public_content("taxonomy", "taggit")  # vocabularies, keywords
