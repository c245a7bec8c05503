from django.urls import path
from django.views.generic import TemplateView

app_name = "newsletter"

urlpatterns = [
    path("", TemplateView.as_view(template_name="newsletter/subscriber_list.html"), name="index"),
]
