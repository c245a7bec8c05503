from listings.filters import ListingFilterSet

from .models import Organisation


class OrganisationFilterSet(ListingFilterSet):
    class Meta:
        model = Organisation
        fields = ["q", "area", "technology", "focus", "country"]
