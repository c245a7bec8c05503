from django.urls import path

from . import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("people/<int:pk>/", views.person_detail, name="person-detail"),
    path("account/profile/", views.profile_edit, name="profile-edit"),
    path("account/export/", views.account_export, name="account-export"),
    path("account/delete/", views.account_delete, name="account-delete"),
]
