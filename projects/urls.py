from django.urls import include, path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="project-list"),
    path("", views.ProjectListView.as_view(), name="index"),  # the name the nav uses
    path("new/", views.ProjectCreateView.as_view(), name="project-create"),
    path("", include("projects.membership_urls")),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("<slug:slug>/edit/", views.ProjectEditView.as_view(), name="project-edit"),
]
