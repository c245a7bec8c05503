"""Funding calls at scale: open ones closing over the next months, rolling ones, and an archive.

Bulk inserts only, like the listings: published as Wagtail leaves them, a few funded by seeded
organisations, each with one to three areas and sometimes a cluster. Seeded slugs start with
`seed-`, so `--reset` finds them.
"""

import datetime as dt

from clusters.models import Cluster
from funding.choices import Audience, Currency, FundingType
from funding.models import FundingCall
from taxonomy.models import AreaOfImpact

from . import SEED_PREFIX, add_links

BATCH_SIZE = 2000
#: open (closing within half a year) / rolling / closed (within two years)
STATUS_WEIGHTS = {"open": 55, "rolling": 15, "closed": 30}
FUNDERS = [
    "European Commission",
    "Fondation Exemple",
    "Civic Futures Trust",
    "Nordic Innovation Fund",
    "City of Barcelona",
    "Open Society Lab",
    "Bundesministerium Beispiel",
    "Social Impact Ventures",
]
COUNTRIES = ["DE", "FR", "ES", "IT", "NL", "BE", "PL", "SE", "PT", "AT", "IE", "GR", "FI", "DK"]
AMOUNT_STEPS = [5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000]


def seed_funding_calls(rng, writer, count, *, now, funders=(), label="call"):
    """`count` calls with slugs "seed-<label>-<n>"; `funders` are organisation ids some calls
    are linked to."""
    today = now.date()
    calls = [
        _call(rng, writer, f"{label}-{number}", today, now, funders)
        for number in range(1, count + 1)
    ]
    FundingCall.objects.bulk_create(calls, batch_size=BATCH_SIZE)
    _add_themes(rng, calls)
    return len(calls)


def _call(rng, writer, name, today, now, funders):
    call_type = rng.choice(FundingType.values)
    title = (
        f"{rng.choice(['Open', 'Civic', 'Green', 'Digital', 'Social'])} {' '.join(writer.words(2))}"
    )
    title = f"{title.title()} {FundingType(call_type).label}"[:200]
    low, high = _amounts(rng)
    return FundingCall(
        title=title,
        slug=f"{SEED_PREFIX}{name}",
        summary=" ".join(writer.words(rng.randint(12, 24))).capitalize() + ".",
        body=writer.rich_text(rng.randint(1, 3)),
        url=f"https://funding.example.org/calls/{name}",
        funder=rng.choice(FUNDERS),
        funder_organisation_id=rng.choice(funders) if funders and rng.random() < 0.2 else None,
        call_type=call_type,
        audiences=sorted(set(rng.choices(Audience.values, k=rng.randint(1, 3)))),
        countries=[] if rng.random() < 0.4 else sorted(set(rng.choices(COUNTRIES, k=3))),
        amount_min=low,
        amount_max=high,
        currency=Currency.EUR if rng.random() < 0.85 else rng.choice(Currency.values),
        **_dates(rng, today),
        live=True,
        has_unpublished_changes=False,
        first_published_at=now - dt.timedelta(days=rng.randint(0, 400)),
        last_published_at=now,
    )


def _dates(rng, today):
    status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
    if status == "rolling":
        return {"opens_on": None, "closes_on": None}
    if status == "open":
        closes = today + dt.timedelta(days=rng.randint(0, 180))
    else:
        closes = today - dt.timedelta(days=rng.randint(1, 730))
    return {"opens_on": closes - dt.timedelta(days=rng.randint(30, 120)), "closes_on": closes}


def _amounts(rng):
    if rng.random() < 0.25:
        return None, None  # non-financial support, or the call does not say
    low = rng.choice(AMOUNT_STEPS[:5])
    return low, rng.choice([step for step in AMOUNT_STEPS if step >= low])


def _add_themes(rng, calls):
    areas = list(AreaOfImpact.objects.values_list("pk", flat=True))
    clusters = dict(Cluster.objects.values_list("area_id", "pk"))
    area_links, cluster_links = [], []
    for call in calls:
        chosen = sorted(set(rng.choices(areas, k=rng.randint(1, 3))))
        area_links += [(call.pk, a) for a in chosen]
        cluster_ids = {clusters[a] for a in chosen if a in clusters}
        if cluster_ids and rng.random() < 0.5:
            cluster_links += [(call.pk, c) for c in sorted(cluster_ids)]
    add_links(FundingCall, "areas", area_links)
    add_links(FundingCall, "clusters", cluster_links)


def seeded_funding_calls():
    return FundingCall.objects.filter(slug__startswith=SEED_PREFIX)


def delete_seeded_funding_calls():
    _total, per_model = seeded_funding_calls().delete()
    return per_model.get(FundingCall._meta.label, 0)
