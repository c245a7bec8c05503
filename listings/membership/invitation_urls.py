"""The page an invitation link opens, for organisations and projects alike (/invitations/)."""

from django.urls import path

from .views import InvitationView

app_name = "invitations"

urlpatterns = [
    path("<str:token>/", InvitationView.as_view(), name="invitation-detail"),
]
