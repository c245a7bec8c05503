from django.utils.translation import gettext_lazy as _

from listings.filters import ListingFilterSet, term_facet

from .models import Organisation


class OrganisationFilterSet(ListingFilterSet):
    network = term_facet("networks", _("Network"))
    type = term_facet("organisation_type", _("Type of organisation"))
    size = term_facet("size", _("Size"))

    class Meta:
        model = Organisation
        fields = [
            "q", "sort", "area", "technology", "focus", "country", "city", "keyword", "network",
            "type", "size", "members", "cluster",
        ]  # fmt: skip
