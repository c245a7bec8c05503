"""Is a new organisation already listed? Fuzzy name and same-website matching.

Names are compared after normalisation (`normalise_name`: accents stripped, case folded,
punctuation dropped, legal-form words such as "Ltd" or "vzw" removed at either end) with
difflib's SequenceMatcher; a ratio of at least `NAME_SIMILARITY` counts as similar. Websites match
when their hosts are equal once scheme, "www.", port and path are dropped.

The database narrows the field first so the cost stays bounded whatever the directory's size:
published organisations whose name contains one of the new name's most distinctive words (the
longest, at least three letters; accents ignored), or whose website contains the new host,
ranked by how many of those words they contain, at most `CANDIDATE_LIMIT` rows. Only these are
compared in Python. A name whose every word is misspelt can slip through; the check is a hint at
submission, not a guarantee.
"""

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _

from .models import Organisation

NAME_SIMILARITY = 0.85
CANDIDATE_LIMIT = 200
SEARCH_WORDS = 3
MAX_WORD = 40
LEGAL_FORMS = frozenset(
    {"ltd", "limited", "gmbh", "sa", "srl", "bv", "ev", "inc", "llc", "asbl", "vzw"}
)
_DOTS = re.compile(r"\.")
_NOT_WORD = re.compile(r"[\W_]+")


class MatchReason(models.TextChoices):
    SAME_WEBSITE = "same_website", _("same website")
    SIMILAR_NAME = "similar_name", _("similar name")


@dataclass
class SimilarOrganisation:
    organisation: Organisation
    reason: MatchReason
    score: float


def normalise_name(name):
    """'Fondation Café-Lab e.V.' -> 'fondation cafe lab'."""
    return " ".join(_strip_legal_forms(_words(_strip_accents(name))))


def website_host(url):
    """'https://www.Example.org:443/about' -> 'example.org'; '' when there is no host."""
    url = (url or "").strip()
    if not url:
        return ""
    if "//" not in url:
        url = f"//{url}"
    host = (urlsplit(url).hostname or "").casefold().rstrip(".")
    return host.removeprefix("www.")


def name_similarity(first, second):
    """SequenceMatcher ratio of two names after normalisation (0 to 1)."""
    return SequenceMatcher(None, normalise_name(first), normalise_name(second)).ratio()


def find_similar_organisations(name, website=None, *, limit=5):
    """Published organisations that may be the one being registered, best matches first.

    Returns up to `limit` SimilarOrganisation (organisation, reason, score): same website first,
    then names by decreasing similarity.
    """
    normalised = normalise_name(name)
    host = website_host(website)
    matches = [
        match
        for organisation in _candidates(name, host)
        if (match := _match(organisation, normalised, host))
    ]
    matches.sort(key=lambda m: (m.reason != MatchReason.SAME_WEBSITE, -m.score))
    return matches[:limit]


def _strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _words(text):
    return _NOT_WORD.sub(" ", _DOTS.sub("", text.casefold())).split()


def _strip_legal_forms(words):
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words = words[:-1]
    while len(words) > 1 and words[0] in LEGAL_FORMS:
        words = words[1:]
    return words


def _search_words(name):
    """The longest words of `name`, without accents (matched accent-blind: `_accent_blind`),
    each cut to MAX_WORD letters (no organisation name has longer words)."""
    typed = [
        _strip_accents(word)[:MAX_WORD]
        for word in _strip_legal_forms(_words(name))
        if len(word) >= 3
    ]
    return sorted(set(typed), key=lambda word: (-len(word), word))[:SEARCH_WORDS]


def _accent_variants():
    """{"e": "eéèêëē…", …}: every Latin letter with its accented forms, both cases."""
    variants = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = _strip_accents(char).casefold()
        if len(base) == 1 and base.isascii() and base.isalpha():
            variants.setdefault(base, {base, base.upper()}).update({char, char.casefold()})
    return {base: "".join(sorted(chars)) for base, chars in variants.items()}


ACCENT_VARIANTS = _accent_variants()


def _accent_blind(word):
    """A regular expression matching `word` (already without accents) with or without them."""
    return "".join(
        f"[{re.escape(ACCENT_VARIANTS[char])}]" if char in ACCENT_VARIANTS else re.escape(char)
        for char in word
    )


def candidates_named_like(name, *, queryset=None, prefix=None):
    """Organisations whose name contains one of `name`'s most distinctive words (bounded).

    With `prefix`, only the words' first `prefix` letters need to appear: looser, for "did you
    mean" suggestions after a misspelling.
    """
    return _candidates(name, "", queryset=queryset, prefix=prefix)


def fold(text):
    """Case and accents dropped, spaces collapsed: "  Café  LAB" -> "cafe lab"."""
    return " ".join(_strip_accents(text).casefold().split())


def _candidates(name, host, *, queryset=None, prefix=None):
    words = _search_words(name)
    if prefix:
        words = sorted({word[:prefix] for word in words})
    wanted = Q()
    for word in words:
        wanted |= Q(name__iregex=_accent_blind(word))
    if host:
        wanted |= Q(website__icontains=host)
    if not wanted:
        return Organisation.objects.none()
    hits = sum(
        (Case(When(name__iregex=_accent_blind(w), then=1), default=0) for w in words),
        Value(0),
    )
    if queryset is None:
        queryset = Organisation.objects.published()
    return (
        queryset.filter(wanted)
        .select_related("city")
        .annotate(word_hits=hits)
        .order_by("-word_hits", "name")[:CANDIDATE_LIMIT]
    )


def _match(organisation, normalised, host):
    if host and website_host(organisation.website) == host:
        return SimilarOrganisation(organisation, MatchReason.SAME_WEBSITE, 1.0)
    score = SequenceMatcher(None, normalised, normalise_name(organisation.name)).ratio()
    if score >= NAME_SIMILARITY:
        return SimilarOrganisation(organisation, MatchReason.SIMILAR_NAME, score)
    return None
