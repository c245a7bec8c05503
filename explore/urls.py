from django.urls import path
from django.views.generic import TemplateView

app_name = "explore"

urlpatterns = [
    path("", TemplateView.as_view(template_name="explore/explore.html"), name="index"),
    path(
        "open-data/", TemplateView.as_view(template_name="explore/open_data.html"), name="open-data"
    ),
]
