from django.urls import path

from listings.views import ListingConfirmView

from . import chooser, claim_views
from .models import Organisation
from .views import OrganisationViews

app_name = "organisations"

urlpatterns = [
    path("search/", chooser.organisation_search, name="organisation-search"),
    path("<slug:slug>/claim/", claim_views.claim, name="organisation-claim"),
    path(
        "<slug:slug>/confirm/<str:token>/",
        ListingConfirmView.as_view(listing_model=Organisation),
        name="organisation-confirm",
    ),
    *OrganisationViews().urlpatterns(),
]
