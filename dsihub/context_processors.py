from django.conf import settings


def site(request):
    """Values every page template may use: the canonical site URL and enabled social logins."""
    return {
        "SITE_URL": settings.SITE_URL,
        "SOCIAL_PROVIDERS": settings.ENABLED_SOCIAL_PROVIDERS,
    }
