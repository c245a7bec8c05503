from django.utils.translation import gettext_lazy as _

from core.facets import FacetFilter
from listings.filters import ListingFilterSet

from .choices import ProjectStatus
from .models import Project


class ProjectFilterSet(ListingFilterSet):
    status = FacetFilter("status", label=_("Status"), labels=dict(ProjectStatus.choices).get)
    year = FacetFilter("start_date__year", label=_("Start year"), coerce=int)

    class Meta:
        model = Project
        fields = [
            "q", "sort", "area", "technology", "focus", "country", "city", "keyword", "status",
            "year", "members", "cluster",
        ]  # fmt: skip
