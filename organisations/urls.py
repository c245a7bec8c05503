from django.urls import include, path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="organisation-list"),
    path("", views.OrganisationListView.as_view(), name="index"),  # the name the nav uses
    path("new/", views.OrganisationCreateView.as_view(), name="organisation-create"),
    path("", include("organisations.membership_urls")),
    path("", include("organisations.claim_urls")),
    path("<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation-detail"),
    path("<slug:slug>/edit/", views.OrganisationEditView.as_view(), name="organisation-edit"),
]
