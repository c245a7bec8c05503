from django.urls import path

from . import views

app_name = "taxonomy"

urlpatterns = [
    path("", views.place_search, name="place-search"),
]
