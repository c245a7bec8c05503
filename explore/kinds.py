"""The kinds Explore shows, and the one filter state they share with their lists.

Each kind's FilterSet over its published rows, bound to the request's GET parameters, is what
the list, the map, the network and the charts show (`filtered`): the same address narrows all
of them. Only `published()` rows ever reach this module's callers.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.filters import EventFilterSet
from events.models import Event
from organisations.filters import OrganisationFilterSet
from organisations.models import Organisation
from projects.filters import ProjectFilterSet
from projects.models import Project


@dataclass(frozen=True)
class Kind:
    key: str  # the `kind` parameter and the GeoJSON `kind` property
    label: str
    model: type
    filterset_class: type
    list_url_name: str
    detail_url_name: str
    name_field: str = "name"
    description_field: str = "short_description"

    def filtered(self, params):
        """The published rows the list at the same address shows, in no particular order."""
        return self.filterset_class(params, queryset=self.model.objects.published()).qs

    def list_url(self):
        return reverse(self.list_url_name)

    def detail_url_prefix(self):
        """The detail address without its slug: reversing once per row costs too much at scale."""
        placeholder = "slug-placeholder"
        url = reverse(self.detail_url_name, kwargs={"slug": placeholder})
        return url[: url.index(placeholder)]


ORGANISATIONS = Kind(
    "organisations",
    _("Organisations"),
    Organisation,
    OrganisationFilterSet,
    "organisations:organisation-list",
    "organisations:organisation-detail",
)
PROJECTS = Kind(
    "projects",
    _("Projects"),
    Project,
    ProjectFilterSet,
    "projects:project-list",
    "projects:project-detail",
)
EVENTS = Kind(
    "events",
    _("Upcoming events"),
    Event,
    EventFilterSet,
    "events:event-list",
    "events:event-detail",
    name_field="title",
    description_field="summary",
)
MAP_KINDS = {kind.key: kind for kind in (ORGANISATIONS, PROJECTS, EVENTS)}


def chosen_kinds(params):
    """The kinds named by `?kind=` (several allowed), or all of them."""
    keys = [key for key in params.getlist("kind") if key in MAP_KINDS]
    return [MAP_KINDS[key] for key in keys] or list(MAP_KINDS.values())


def filter_params(params):
    """The filter parameters of an address, without the page number and Explore's own."""
    own = {"kind", "page"}
    return sorted((key, value) for key, value in params.lists() if key not in own)
