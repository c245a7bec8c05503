from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.OpenDataView.as_view(), name="index"),
    path("<slug:dataset>.<slug:format>", views.download, name="download"),
    path("<slug:dataset>/selection.<slug:format>", views.download_view, name="download-view"),
]
