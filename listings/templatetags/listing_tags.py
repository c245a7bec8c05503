"""Template tags for listing pages: profile links, cached cards (and moderation's sanitised rich
text and JSON-LD filters)."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.content_version import content_version
from moderation.templatetags.moderation_tags import ld_json, richtext

register = template.Library()
CARD_TEMPLATE = "components/listing_card.html"

# The same filters as moderation_tags, for the listing templates that load only these tags.
register.filter("richtext", richtext)
register.filter("ld_json", ld_json)


@register.filter
def profile_url(user):
    """The public profile of `user` (its get_absolute_url once profiles exist)."""
    get_url = getattr(user, "get_absolute_url", None)
    return get_url() if get_url else f"/people/{user.pk}/"


@register.simple_tag
def listing_cards(listings):
    """The directory's cards as <li> items (see `cached_cards`)."""
    cards = cached_cards(listings, CARD_TEMPLATE, "listing")
    return mark_safe("".join(f"<li>{html}</li>" for _, html in cards))  # noqa: S308 - rendered templates


@register.simple_tag
def cached_cards(objects, template_name, name, day=None):
    """[(object, card html)] for a list of cards, each card rendered once per content version
    and language and then read back with the others in one cache round trip (a card shows only
    its object, so it looks the same on every page and filter that shows it).

    {% cached_cards stories "components/story_card.html" "story" as cards %} renders each one
    as {% include template with story=object only %} would. Pass `day` (a date) for a card
    that reads differently from one day to the next ("closes in 3 days")."""
    keys = [_card_key(obj, template_name, day) for obj in objects]
    found = cache.get_many(keys)
    missing = {}
    cards = []
    for obj, key in zip(objects, keys, strict=True):
        html = found.get(key)
        if html is None:
            html = missing[key] = render_to_string(template_name, {name: obj})
        cards.append((obj, mark_safe(html)))  # noqa: S308 - a rendered template
    if missing:
        cache.set_many(missing, settings.PAGE_CACHE_SECONDS)
    return cards


def _card_key(obj, template_name, day):
    version, label = content_version(), obj._meta.label_lower
    return f"card:{version}:{get_language()}:{template_name}:{label}:{obj.pk}:{day or ''}"
