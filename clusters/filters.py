"""The cluster filter that the events, funding, stories and resource lists share."""

import django_filters
from django.utils.translation import gettext_lazy as _

from listings.filters import QuickSelect

from .models import Cluster


def cluster_filter():
    """ "Cluster" by slug over a model's `clusters`."""
    return django_filters.ModelChoiceFilter(
        field_name="clusters",
        to_field_name="slug",
        queryset=Cluster.objects.all(),
        empty_label=_("Any cluster"),
        label=_("Cluster"),
        widget=QuickSelect,
    )
