"""Free keywords with a long tail: a few on thousands of listings, thousands on one or two."""

from itertools import accumulate

from django.db.models.functions import Lower
from django.utils.text import slugify
from taggit.models import Tag

from . import SEED_PREFIX

COMMON_KEYWORDS = [
    "open data", "civic tech", "citizen science", "sustainability", "education", "open source",
    "participation", "smart cities", "circular economy", "social innovation",
    "digital inclusion", "health", "climate", "mobility", "co-design", "maker spaces",
    "privacy", "crowdfunding", "community", "artificial intelligence",
]  # fmt: skip
ZIPF_EXPONENT = 1.0


class KeywordPool:
    """`count` keywords drawn with Zipf's law: the n-th most common is drawn 1/n as often.

    Keywords that exist already (case-insensitively) are reused, as taggit would; the others
    are created with a `seed-` slug so a reset can find them.
    """

    def __init__(self, rng, writer, count):
        self.rng = rng
        names = _keyword_names(writer, count)
        self.tag_ids = _ensure_tags(names)
        ranks = range(len(self.tag_ids))
        self.cumulative = list(accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in ranks))

    def draw(self, count):
        """Up to `count` distinct tag ids (fewer when a common one comes up twice)."""
        if count == 0:
            return set()
        return set(self.rng.choices(self.tag_ids, cum_weights=self.cumulative, k=count))


def _keyword_names(writer, count):
    """The common keywords first, then invented one- and two-word ones, unique by slug."""
    names, slugs = [], set()
    candidates = iter(COMMON_KEYWORDS)
    while len(names) < count:
        name = next(candidates, None) or " ".join(writer.words(writer.rng.choice([1, 2, 2])))
        name = name.lower()
        if slugify(name) not in slugs:
            slugs.add(slugify(name))
            names.append(name)
    return names


def _ensure_tags(names):
    """Tag ids for `names`, in the same order, creating the missing tags in one insert."""
    existing = _tag_ids_by_name(names)
    missing = [name for name in names if name not in existing]
    Tag.objects.bulk_create(
        [Tag(name=name, slug=f"{SEED_PREFIX}{slugify(name)}") for name in missing],
        batch_size=2000,
        ignore_conflicts=True,
    )
    existing.update(_tag_ids_by_name(missing))
    return [existing[name] for name in names if name in existing]


def _tag_ids_by_name(names):
    rows = (
        Tag.objects.annotate(lower_name=Lower("name"))
        .filter(lower_name__in=names)
        .values_list("lower_name", "pk")
    )
    return dict(rows)


def delete_unused_seeded_keywords():
    """Delete seeded tags that nothing is tagged with any more; returns how many."""
    unused = Tag.objects.filter(slug__startswith=SEED_PREFIX)
    for relation in Tag._meta.related_objects:
        unused = unused.filter(**{f"{relation.name}__isnull": True})
    deleted, _ = unused.delete()
    return deleted
