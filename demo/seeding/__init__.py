"""Demo data at scale for benchmarks and load tests (`manage.py seed_demo --scale large`).

One module per kind of content (`listings.py` for people, organisations and projects,
`events.py` for events; later `funding.py`, `stories.py`, `newsletter.py`), each writing with
bulk inserts from one seeded random generator, so two runs produce the same rows.

Seeded rows are recognisable, so `--reset` deletes them and nothing else: listing slugs and
keyword slugs start with `seed-`, people's e-mail addresses end with `@seed.example.org`,
newsletter subscribers' are `seed-subscriber-<n>@seed.example.org`.
"""

from dataclasses import dataclass, fields

DEMO_PASSWORD = "demo-admin-password"  # noqa: S105 - documented local-only demo logins
SEED_PREFIX = "seed-"
SEED_EMAIL_DOMAIN = "seed.example.org"
RANDOM_SEED = 8_2026
LINK_BATCH_SIZE = 2000


def add_links(model, field_name, pairs):
    """Bulk-insert the rows of `model`'s many-to-many field `field_name` for (its pk, the other
    side's pk) pairs, each pair once, in the order given."""
    field = model._meta.get_field(field_name)
    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    through.objects.bulk_create(
        [through(**{source: own, target: other}) for own, other in dict.fromkeys(pairs)],
        batch_size=LINK_BATCH_SIZE,
    )


@dataclass(frozen=True)
class Scale:
    """How many rows of each kind one scale writes."""

    organisations: int
    projects: int
    people: int
    keywords: int
    funding_calls: int
    events: int
    stories: int
    resources: int
    subscribers: int

    def times(self, factor):
        """This scale with every count multiplied by `factor` (at least one of each)."""
        counts = {
            field.name: max(1, round(getattr(self, field.name) * factor)) for field in fields(self)
        }
        return Scale(**counts)


SCALES = {
    "large": Scale(
        organisations=10_000,
        projects=15_000,
        people=5_000,
        keywords=4_000,
        funding_calls=1_000,
        events=3_000,
        stories=500,
        resources=300,
        subscribers=100_000,
    ),
}
