"""/sitemap.xml and /robots.txt: every published page, listing, event and funding call.

Wagtail's sitemap lists the live, public pages (home, stories, standard pages); the published
rows of each public model follow, one section each.
"""

from django.contrib.sitemaps import GenericSitemap
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from .page_cache import cache_for_visitors


def _published(model, date_field="last_published_at"):
    return GenericSitemap(
        {"queryset": model.objects.published().order_by("pk"), "date_field": date_field},
        changefreq="weekly",
    )


def sitemaps():
    from events.models import Event
    from funding.models import FundingCall
    from organisations.models import Organisation
    from projects.models import Project

    return {
        "pages": PageSitemap,
        "organisations": _published(Organisation),
        "projects": _published(Project),
        "events": _published(Event),
        "funding": _published(FundingCall),
    }


@cache_for_visitors
def sitemap_xml(request):
    """One sitemap (Django pages it beyond 50,000 addresses: ?p=2)."""
    return sitemap(request, sitemaps())


@cache_for_visitors
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /accounts/",
        "Disallow: /media-pending/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
