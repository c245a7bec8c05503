"""Stand-in listing URLs for the membership tests while the listing pages are being written.

tests/membership/conftest.py switches to this URL configuration only when the hub's own
organisations/projects URLs do not yet offer the detail page and the membership URLs; it serves
a bare detail page that includes the membership panel, and the real membership URLs.
"""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import engines
from django.urls import include, path
from django.views.generic import TemplateView

from dsihub.urls import urlpatterns as hub_urlpatterns
from organisations.membership_urls import patterns_for
from organisations.models import Organisation
from projects.models import Project

DETAIL = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}<h1>{{ object.name }}</h1>'
    '{% include "components/membership_panel.html" '
    "with listing=object kind=kind viewer=request.user only %}"
    "{% endblock %}"
)


def detail_view(model):
    def view(request, slug):
        listing = get_object_or_404(model.objects.prefetch_related("memberships"), slug=slug)
        context = {"object": listing, "kind": model._meta.model_name}
        return HttpResponse(DETAIL.render(context, request))

    return view


def listing_patterns(model):
    kind = model._meta.model_name
    index = TemplateView.as_view(template_name=f"{model._meta.app_label}/{kind}_list.html")
    return [
        path("", index, name="index"),
        path("<slug:slug>/", detail_view(model), name=f"{kind}-detail"),
        path("<slug:slug>/edit/", detail_view(model), name=f"{kind}-edit"),
        *patterns_for(model),
    ]


urlpatterns = (
    i18n_patterns(
        path("organisations/", include((listing_patterns(Organisation), "organisations"))),
        path("projects/", include((listing_patterns(Project), "projects"))),
        prefix_default_language=False,
    )
    + hub_urlpatterns
)
