from django.urls import path

from . import chooser, claim_views
from .views import OrganisationViews

app_name = "organisations"

urlpatterns = [
    path("search/", chooser.organisation_search, name="organisation-search"),
    path("<slug:slug>/claim/", claim_views.claim, name="organisation-claim"),
    *OrganisationViews().urlpatterns(),
]
