from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from . import views

app_name = "explore"


def coming_soon(title, description):
    """A section of the main menu that is not open yet: one template, its words from here."""
    return TemplateView.as_view(
        template_name="explore/coming_soon.html",
        extra_context={"title": title, "description": description},
    )


urlpatterns = [
    path("", views.index, name="index"),
    path("map/", views.map_page, name="map"),
    path("map/data.geojson", views.map_geojson, name="map-data"),
    path("network/", views.network_page, name="network"),
    path("network/graph.json", views.network_data, name="network-data"),
    path(
        "open-data/",
        coming_soon(
            _("Open data"),
            _(
                "Downloads of the published directory data under an open licence, and a "
                "read-only API, so that anyone can study and reuse it."
            ),
        ),
        name="open-data",
    ),
]
