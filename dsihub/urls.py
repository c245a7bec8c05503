import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path, reverse_lazy
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import admin_login, can_enter_wagtail_admin
from core.health import healthz
from core.sitemaps import robots_txt, sitemap_index, sitemap_section
from explore.search import SearchView
from moderation.views import pending_file
from opendata.api import api as api_v1

# One front door: the admins' own login and password-reset pages are shadowed (these patterns
# come before the admins' URLs) and lead to allauth's, which rate-limit and require a verified
# e-mail address.
front_door = [
    path(
        "admin/login/",
        admin_login,
        {"admin_home": "/admin/", "can_enter": can_enter_wagtail_admin},
    ),
    path(
        "django-admin/login/",
        admin_login,
        {"admin_home": "/django-admin/", "can_enter": admin.site.has_permission},
    ),
    re_path(
        r"^admin/password_reset/",
        RedirectView.as_view(url=reverse_lazy("account_reset_password")),
    ),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots"),
    path("media-pending/<path:name>", pending_file, name="pending-file"),
    *front_door,
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", api_v1.urls),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("report/", include("moderation.urls")),
    path("organisations/", include("organisations.urls")),
    path("projects/", include("projects.urls")),
    path("places/", include("taxonomy.urls")),
    path("invitations/", include("listings.membership.invitation_urls")),
    path("clusters/", include("events.cluster_urls")),  # /clusters/<slug>/events.ics
    path("clusters/", include("clusters.urls")),
    path("events/", include("events.urls")),
    path("funding/", include("funding.urls")),
    path("explore/", include("explore.urls")),
    path("dsi-index/", include("dsiindex.urls")),
    path("search/", SearchView.as_view(), name="search"),
    path("open-data/", include("opendata.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("", include("stories.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.BENCH_FLOOR:
    from bench.floor import floor

    urlpatterns.insert(0, path("bench/floor/", floor, name="bench-floor"))

if settings.DEBUG and settings.MEDIA_URL.startswith("/"):
    # Development serves uploads itself, except pending/ (moderation.uploads): like the proxy.
    from django.views.static import serve

    media = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns.insert(
        0,
        re_path(
            rf"^{media}(?!pending/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    )
