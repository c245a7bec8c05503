from django.urls import path

from . import views

app_name = "stories"

urlpatterns = [
    path("", views.ResourceListView.as_view(), name="resource-list"),
]
