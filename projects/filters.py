import django_filters
from django.utils.translation import gettext_lazy as _

from listings.filters import ListingFilterSet

from .choices import ProjectStatus
from .models import Project


class ProjectFilterSet(ListingFilterSet):
    status = django_filters.ChoiceFilter(
        choices=ProjectStatus.choices, label=_("Status"), empty_label=_("Live or closed")
    )

    class Meta:
        model = Project
        fields = ["q", "area", "technology", "focus", "country", "status"]
