from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

app_name = "explore"


def coming_soon(title, description):
    """A section of the main menu that is not open yet: one template, its words from here."""
    return TemplateView.as_view(
        template_name="explore/coming_soon.html",
        extra_context={"title": title, "description": description},
    )


urlpatterns = [
    path(
        "",
        coming_soon(
            _("Explore"),
            _(
                "Search across organisations and projects, filter by area of impact, technology "
                "and place, and see them on a map and as a network of collaborations."
            ),
        ),
        name="index",
    ),
    path(
        "open-data/",
        coming_soon(
            _("Open data"),
            _(
                "Downloads of the published directory data under an open licence, and a "
                "read-only API, so that anyone can study and reuse it."
            ),
        ),
        name="open-data",
    ),
]
