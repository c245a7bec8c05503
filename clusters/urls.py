from django.urls import path
from django.views.generic import TemplateView

app_name = "clusters"

urlpatterns = [
    path("", TemplateView.as_view(template_name="clusters/cluster_list.html"), name="index"),
]
