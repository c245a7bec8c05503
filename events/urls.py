from django.urls import path
from django.views.generic import TemplateView

app_name = "events"

urlpatterns = [
    path("", TemplateView.as_view(template_name="events/event_list.html"), name="index"),
]
