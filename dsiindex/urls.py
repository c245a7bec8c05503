from django.urls import path, re_path

from . import views

app_name = "dsiindex"

urlpatterns = [
    path("", views.index, name="index"),
    path("explore/", views.explore, name="explore"),
    re_path(
        r"^download/(?P<name>inputs|scores)\.(?P<fmt>csv|json)$", views.download, name="download"
    ),
    path("<slug:slug>/", views.city, name="city"),
]
