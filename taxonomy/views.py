from django.http import JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .models import Place

MAX_RESULTS = 10


@require_GET
@cache_control(public=True, max_age=60 * 60)
def place_search(request):
    """City autocomplete: /places/?country=ES&q=barc → [{"id", "name", "label", "country",
    "timezone"}], at most 10; without a country, cities of every country (the zone lets an
    event form default to the city's)."""
    country = request.GET.get("country", "").strip()[:2]
    term = request.GET.get("q", "")[:100]
    places = Place.objects.search(term, country=country or None)[:MAX_RESULTS]
    results = [
        {
            "id": place.pk,
            "name": place.name,
            "label": str(place),
            "country": place.country.code,
            "timezone": place.timezone,
        }
        for place in places
    ]
    return JsonResponse(results, safe=False)
