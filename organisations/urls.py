from django.urls import path

from listings.membership.urls import patterns_for
from listings.views import ListingConfirmView

from . import chooser, claim_views, views
from .models import Organisation

app_name = "organisations"

urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="organisation-list"),
    path("", views.OrganisationListView.as_view(), name="index"),  # the name the nav uses
    path("new/", views.OrganisationCreateView.as_view(), name="organisation-create"),
    path("search/", chooser.organisation_search, name="organisation-search"),
    *patterns_for(Organisation),
    path("<slug:slug>/claim/", claim_views.claim, name="organisation-claim"),
    path(
        "<slug:slug>/confirm/<str:token>/",
        ListingConfirmView.as_view(listing_model=Organisation),
        name="organisation-confirm",
    ),
    path("<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation-detail"),
    path("<slug:slug>/edit/", views.OrganisationEditView.as_view(), name="organisation-edit"),
]
