from django.conf import settings
from django.urls import include, path

from . import views, webhooks

app_name = "newsletter"

urlpatterns = [
    path("", views.subscribe, name="index"),
    path("thanks/", views.thanks, name="thanks"),
    path("subscribe/account/", views.subscribe_account, name="subscribe-account"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("preferences/<str:token>/resubscribe/", views.resubscribe, name="resubscribe"),
    path("preferences/<str:token>/forget/", views.forget, name="forget"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("archive/", views.ArchiveView.as_view(), name="archive"),
    path("archive/<int:pk>/", views.archive_issue, name="archive-issue"),
]

if settings.ANYMAIL.get("WEBHOOK_SECRET") and settings.ANYMAIL_WEBHOOK_ESP:
    # The configured provider's tracking webhook only (…/webhooks/mailgun/tracking/), checked by
    # basic auth and the provider's signature before newsletter.registrations' receiver runs.
    esp = settings.ANYMAIL_WEBHOOK_ESP
    urlpatterns.append(path("webhooks/", include(webhooks.tracking_urlpatterns(esp))))
