from django.urls import path

from .views import ClusterDetailView, ClusterListView

app_name = "clusters"

urlpatterns = [
    path("", ClusterListView.as_view(), name="index"),
    path("<slug:slug>/", ClusterDetailView.as_view(), name="cluster-detail"),
]
