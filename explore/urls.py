from django.urls import path

from . import views

app_name = "explore"


urlpatterns = [
    path("", views.index, name="index"),
    path("map/", views.map_page, name="map"),
    path("map/data.geojson", views.map_geojson, name="map-data"),
    path("network/", views.network_page, name="network"),
    path("network/graph.json", views.network_data, name="network-data"),
]
