from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import StableSlugAdminForm
from .models import AreaOfImpact, DSIFocus, OrganisationSize, OrganisationType, Place, Technology


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "slug"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("description"),
            FieldPanel("sort_order"),
        ],
        base_form_class=StableSlugAdminForm,
    )


class AreaOfImpactViewSet(TermViewSet):
    model = AreaOfImpact
    icon = "pick"


class TechnologyViewSet(TermViewSet):
    model = Technology
    icon = "cogs"


class DSIFocusViewSet(TermViewSet):
    model = DSIFocus
    icon = "crosshairs"


class OrganisationTypeViewSet(TermViewSet):
    model = OrganisationType
    icon = "group"


class OrganisationSizeViewSet(TermViewSet):
    model = OrganisationSize
    icon = "resubmit"


class PlaceViewSet(SnippetViewSet):
    """The gazetteer comes from GeoNames; the admin is for looking places up and fixing typos."""

    model = Place
    icon = "site"
    list_display = ["name", "country", "population", "timezone"]
    list_filter = ["country"]
    search_fields = ["name", "ascii_name"]
    search_backend_name = None
    list_per_page = 50
    inspect_view_enabled = True


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_name = "taxonomy"
    items = (
        AreaOfImpactViewSet,
        TechnologyViewSet,
        DSIFocusViewSet,
        OrganisationTypeViewSet,
        OrganisationSizeViewSet,
        PlaceViewSet,
    )


register_snippet(TaxonomyViewSetGroup)
