import functools

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_info


def site(request):
    """Values every page template may use: the canonical site URL, enabled social logins and
    links to this page in each language (computed only when a template shows them)."""
    return {
        "SITE_URL": settings.SITE_URL,
        "SOCIAL_PROVIDERS": settings.ENABLED_SOCIAL_PROVIDERS,
        "language_links": SimpleLazyObject(lambda: language_links(request.get_full_path())),
    }


def language_links(path):
    """[{code, name, url, current}] for each language: this page under that language's prefix.

    Plain links, not a form: choosing a language needs no cookie and no CSRF token, so anonymous
    pages stay cacheable (the language is in the address).
    """
    current = get_language()
    path, question, query = path.partition("?")
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": _translated(path, current, code) + question + query,
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


@functools.lru_cache(maxsize=4096)
def _translated(path, current, code):
    """`path` (shown in `current`) in language `code`; resolving and reversing costs about a
    tenth of a millisecond a language, so each answer is kept (bounded, per process)."""
    return translate_url(path, code)
