"""Claim and annual-confirmation URLs of an organisation, for the "organisations" namespace.

Included from organisations/urls.py (`path("", include("organisations.claim_urls"))`), they give
"organisations:organisation-claim" and "organisations:organisation-confirm".
"""

from django.urls import path

from . import claim_views

urlpatterns = [
    path("<slug:slug>/claim/", claim_views.claim, name="organisation-claim"),
    path("<slug:slug>/confirm/<str:token>/", claim_views.confirm, name="organisation-confirm"),
]
