from django.urls import path

from listings.membership.urls import patterns_for

from . import views
from .models import Project

app_name = "projects"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="project-list"),
    path("", views.ProjectListView.as_view(), name="index"),  # the name the nav uses
    path("new/", views.ProjectCreateView.as_view(), name="project-create"),
    *patterns_for(Project),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("<slug:slug>/edit/", views.ProjectEditView.as_view(), name="project-edit"),
]
