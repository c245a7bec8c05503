"""People, organisations and projects at scale, with everything their pages show.

Bulk inserts only (no `save()`, no signals, no revisions). Published listings look as Wagtail
leaves them after a publish (`live`, first and last published dates spread over eight years,
no unpublished changes); a few are drafts nobody approved; some have no members, as imported
listings have until someone claims them. Every project links one to five organisations; a few
organisations and people are in many listings, most in one or two (Pareto-distributed
popularity).
"""

import datetime as dt
from dataclasses import dataclass
from itertools import accumulate

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import F, TextField
from django.db.models.functions import Cast, Coalesce, Now
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.design_tokens import token
from listings.choices import LinkKind, Role
from organisations.models import Organisation
from projects.choices import ProjectStatus
from projects.models import Project
from taxonomy.models import AreaOfImpact, DSIFocus, OrganisationSize, OrganisationType, Technology

from . import SEED_EMAIL_DOMAIN, SEED_PREFIX, add_links
from .pictures import initials, logo_png

BATCH_SIZE = 2000
PUBLISHED_OVER_DAYS = 8 * 365
CONFIRMED_WITHIN_DAYS = 300  # under a year: seeded listings do not trigger confirmation e-mails
DRAFT_SHARE = 0.02
LOGO_SHARE = 0.6  # cards with a picture, as most real listings have (issue 19's bench)
LOGO_FOLDER = "seed/logos"
MEMBERLESS_SHARE = {"organisation": 0.3, "project": 0.2}
ORGANISATIONS_PER_PROJECT = {1: 50, 2: 27, 3: 13, 4: 7, 5: 3}
POPULARITY_ALPHA = 3.0  # Pareto shape: the busiest of 10,000 is about 20 times the median

AREA_WEIGHTS = {
    "health-and-care": 14,
    "food-environment-and-climate-change": 13,
    "skills-and-learning": 12,
    "cities-and-urban-development": 12,
    "digital-democracy": 9,
}
TECHNOLOGY_WEIGHTS = {
    "open-data": 16,
    "mobile-and-web-apps": 14,
    "open-source-technologies": 10,
    "social-networks-and-social-media": 8,
    "crowdsourcing-crowdmapping-and-crowdfunding": 7,
}
SOCIAL_LINKS = {
    LinkKind.MASTODON: "https://social.example.org/@{}",
    LinkKind.LINKEDIN: "https://network.example.org/company/{}",
    LinkKind.GITHUB: "https://code.example.org/{}",
    LinkKind.BLUESKY: "https://sky.example.org/profile/{}",
    LinkKind.YOUTUBE: "https://video.example.org/@{}",
}


@dataclass
class Context:
    """What every step draws from: the generator, words, places, vocabularies and keywords."""

    rng: object
    writer: object
    places: object
    keywords: object
    now: dt.datetime

    def __post_init__(self):
        self.vocabularies = Vocabularies(self.rng)

    def moment_within(self, days, *, before=None):
        """A time up to `days` days before `before` (default: now)."""
        return (before or self.now) - dt.timedelta(seconds=self.rng.uniform(0, days * 86_400))

    def count(self, weights):
        """A number drawn from a {number: weight} table."""
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]


# People ------------------------------------------------------------------------------------


def seed_people(context, count):
    """`count` people with unusable passwords; returns a picker that favours a busy few."""
    people = [_person(context, number) for number in range(1, count + 1)]
    get_user_model().objects.bulk_create(people, batch_size=BATCH_SIZE)
    return Popular(context.rng, [person.pk for person in people])


def _person(context, number):
    place_id, _city, country = context.places.pick()
    first_name, last_name = context.writer.person(country)
    joined = context.moment_within(PUBLISHED_OVER_DAYS)
    return get_user_model()(
        email=context.writer.email(first_name, last_name, number),
        first_name=first_name,
        last_name=last_name,
        password=f"{UNUSABLE_PASSWORD_PREFIX}seeded",
        date_joined=joined,
        accepted_terms_at=joined,
        country=country,
        city_id=place_id,
        job_title=context.writer.job_title() if context.rng.random() < 0.6 else "",
        bio=context.writer.bio() if context.rng.random() < 0.3 else "",
    )


# Organisations and projects ----------------------------------------------------------------


def seed_organisations(context, count, *, people):
    """`count` organisations with vocabularies, keywords, links and (most) members."""
    rows = [_organisation(context, number) for number in range(1, count + 1)]
    _insert_listings(context, Organisation, rows, people=people)
    return Popular(context.rng, [organisation.pk for organisation, _terms in rows])


def seed_projects(context, count, *, people, organisations):
    """`count` projects, each linked to one to five organisations."""
    rows = [_project(context, number) for number in range(1, count + 1)]
    _insert_listings(context, Project, rows, people=people)
    _link_organisations(context, [project for project, _terms in rows], organisations)


def _organisation(context, number):
    place = context.places.pick()
    terms = context.vocabularies.draw()
    name = context.writer.organisation_name(city=place[1], country=place[2])
    vocabularies = context.vocabularies
    organisation = Organisation(
        **_listing_fields(context, "organisation", name, number, place, terms),
        organisation_type_id=context.rng.choice(vocabularies.organisation_types),
        size_id=context.rng.choice(vocabularies.organisation_sizes),
        founded=_founded(context),
    )
    return organisation, terms


def _project(context, number):
    place = context.places.pick()
    terms = context.vocabularies.draw()
    name = context.writer.project_name()
    start = context.moment_within(12 * 365).date()
    closed = context.rng.random() < 0.25
    project = Project(
        **_listing_fields(context, "project", name, number, place, terms),
        social_impact=context.writer.rich_text(1) if context.rng.random() < 0.6 else "",
        status=ProjectStatus.CLOSED if closed else ProjectStatus.LIVE,
        start_date=start,
        end_date=start + dt.timedelta(days=context.rng.randint(90, 1500)) if closed else None,
    )
    return project, terms


def _listing_fields(context, kind, name, number, place, terms):
    place_id, city, country = place
    ascii_name = slugify(name)[:180] or kind  # Greek or Cyrillic names slugify to ""
    slug = f"{SEED_PREFIX}{ascii_name}-{number}"
    technology = context.vocabularies.technology_names[terms["technologies"][0]]
    return {
        "name": name,
        "slug": slug,
        "short_description": context.writer.short_description(city, technology),
        "description": context.writer.rich_text(context.rng.randint(1, 4)),
        "website": context.writer.website(slug) if context.rng.random() < 0.8 else "",
        "city_id": place_id,
        "country": country,
        "logo": seeded_logo(name) if context.rng.random() < LOGO_SHARE else "",
        **_publication(context),
    }


_drawn_logos = {}


def seeded_logo(name):
    """A logo file for `name`: one mark per initial, drawn once into media storage and shared
    by every seeded listing with that initial (tens of files, not thousands)."""
    mark = initials(name)[:1].upper() or "X"
    if not mark.isascii() or not mark.isalnum():
        mark = "X"
    if mark not in _drawn_logos:
        path = f"{LOGO_FOLDER}/{mark}.png"
        if not default_storage.exists(path):
            path = default_storage.save(path, ContentFile(logo_png(mark, token("color-brand"))))
        _drawn_logos[mark] = path
    return _drawn_logos[mark]


def _publication(context):
    if context.rng.random() < DRAFT_SHARE:
        return {"live": False, "has_unpublished_changes": True}
    first = context.moment_within(PUBLISHED_OVER_DAYS)
    edited = context.rng.random() < 0.5
    last = first + (context.now - first) * context.rng.random() if edited else first
    return {
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": first,
        "last_published_at": last,
        "last_confirmed_at": context.moment_within(CONFIRMED_WITHIN_DAYS),
    }


def _founded(context):
    if context.rng.random() < 0.3:
        return None
    return dt.date(context.rng.randint(1985, context.now.year), context.rng.randint(1, 12), 1)


def _insert_listings(context, model, rows, *, people):
    listings = [listing for listing, _terms in rows]
    model.objects.bulk_create(listings, batch_size=BATCH_SIZE)
    _backdate(model)
    _add_terms(model, rows)
    _add_keywords(context, model, listings)
    _add_links(context, model, listings)
    _add_memberships(context, model, listings, people)


def _backdate(model):
    """Created and updated when first and last published (bulk_create stamps "now")."""
    model.objects.filter(slug__startswith=SEED_PREFIX).update(
        created_at=Coalesce(F("first_published_at"), Now()),
        updated_at=Coalesce(F("last_published_at"), Now()),
    )


def _add_terms(model, rows):
    for field_name in ("areas", "technologies", "focus"):
        add_links(
            model,
            field_name,
            [(listing.pk, term_id) for listing, terms in rows for term_id in terms[field_name]],
        )


def _add_keywords(context, model, listings):
    keyword_model = model._meta.get_field("tagged_keywords").related_model
    counts = {0: 15, 1: 10, 2: 15, 3: 20, 4: 15, 5: 10, 6: 7, 8: 5, 12: 3}
    keywords = [
        keyword_model(content_object_id=listing.pk, tag_id=tag_id)
        for listing in listings
        for tag_id in sorted(context.keywords.draw(context.count(counts)))
    ]
    keyword_model.objects.bulk_create(keywords, batch_size=BATCH_SIZE)


def _add_links(context, model, listings):
    relation = model._meta.get_field("links")
    link_model, parent = relation.related_model, f"{relation.field.name}_id"
    links = []
    for listing in listings:
        kinds = context.rng.sample(list(SOCIAL_LINKS), context.count({0: 40, 1: 30, 2: 20, 3: 10}))
        handle = listing.slug.removeprefix(SEED_PREFIX)[:60]
        urls = [(LinkKind.WEBSITE, listing.website)] if listing.website else []
        urls += [(kind, SOCIAL_LINKS[kind].format(handle)) for kind in kinds]
        links += [
            link_model(**{parent: listing.pk}, kind=kind, url=url, sort_order=order)
            for order, (kind, url) in enumerate(urls)
        ]
    link_model.objects.bulk_create(links, batch_size=BATCH_SIZE)


def _add_memberships(context, model, listings, people):
    """An owner, perhaps admins and members; none for the share of imported listings."""
    relation = model._meta.get_field("memberships")
    membership_model, parent = relation.related_model, f"{relation.field.name}_id"
    memberless = MEMBERLESS_SHARE[model._meta.model_name]
    memberships = []
    for listing in listings:
        if context.rng.random() < memberless:
            continue
        admins = context.count({0: 60, 1: 30, 2: 10})
        members = context.count({0: 30, 1: 25, 2: 20, 3: 12, 4: 8, 5: 5})
        roles = [Role.OWNER] + [Role.ADMIN] * admins + [Role.MEMBER] * members
        memberships += [
            membership_model(**{parent: listing.pk}, user_id=person, role=role)
            for person, role in zip(people.draw(len(roles)), roles, strict=False)
        ]
    membership_model.objects.bulk_create(memberships, batch_size=BATCH_SIZE)


def _link_organisations(context, projects, organisations):
    add_links(
        Project,
        "organisations",
        [
            (project.pk, organisation)
            for project in projects
            for organisation in organisations.draw(context.count(ORGANISATIONS_PER_PROJECT))
        ],
    )


def delete_seeded_listings():
    """Delete seeded projects, organisations and people (and, by cascade, what hangs on them).

    Wagtail's reference index is cleaned in two statements per model rather than by its
    per-row delete signal (three queries a row: a minute for the large scale).
    """
    seeded = {
        "projects": Project.objects.filter(slug__startswith=SEED_PREFIX),
        "organisations": Organisation.objects.filter(slug__startswith=SEED_PREFIX),
        "people": get_user_model().objects.filter(email__endswith=f"@{SEED_EMAIL_DOMAIN}"),
    }
    with disable_reference_index_auto_update():
        for queryset in seeded.values():
            _remove_references(queryset)
        return {kind: _delete(queryset) for kind, queryset in seeded.items()}


def _remove_references(queryset):
    """What `ReferenceIndex.remove_for_object` and `remove_references_to` do, for many rows."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    ids = queryset.annotate(text_pk=Cast("pk", TextField())).values("text_pk")
    ReferenceIndex.objects.filter(base_content_type=content_type, object_id__in=ids).delete()
    ReferenceIndex.objects.filter(to_content_type=content_type, to_object_id__in=ids).delete()


def _delete(queryset):
    _total, per_model = queryset.delete()
    return per_model.get(queryset.model._meta.label, 0)


def seeded_listing_counts():
    return {
        "organisations": Organisation.objects.filter(slug__startswith=SEED_PREFIX).count(),
        "projects": Project.objects.filter(slug__startswith=SEED_PREFIX).count(),
    }


# Drawing -----------------------------------------------------------------------------------


class Popular:
    """Draws ids with Pareto-distributed popularity: a busy few, a long quiet tail."""

    def __init__(self, rng, ids):
        self.rng = rng
        self.ids = ids
        self.cumulative = list(accumulate(rng.paretovariate(POPULARITY_ALPHA) for _ in ids))

    def draw(self, count):
        """Up to `count` distinct ids, in the order drawn (the first is the most prominent)."""
        drawn = self.rng.choices(self.ids, cum_weights=self.cumulative, k=count)
        return list(dict.fromkeys(drawn))


class Vocabularies:
    """Areas, technologies and focus for a listing, the popular ones drawn more often."""

    def __init__(self, rng):
        self.rng = rng
        self.areas = _weighted_ids(AreaOfImpact, AREA_WEIGHTS, default=6)
        self.technologies = _weighted_ids(Technology, TECHNOLOGY_WEIGHTS, default=4)
        self.focus = _weighted_ids(DSIFocus, {}, default=1)
        self.technology_names = dict(Technology.objects.values_list("pk", "name"))
        self.organisation_types = list(OrganisationType.objects.values_list("pk", flat=True))
        self.organisation_sizes = list(OrganisationSize.objects.values_list("pk", flat=True))

    def draw(self):
        """At least one area and one technology; focus is optional."""
        return {
            "areas": self._some(self.areas, {1: 55, 2: 30, 3: 15}),
            "technologies": self._some(self.technologies, {1: 45, 2: 35, 3: 20}),
            "focus": self._some(self.focus, {0: 50, 1: 35, 2: 15}),
        }

    def _some(self, weighted, counts):
        ids, weights = weighted
        count = self.rng.choices(list(counts), weights=list(counts.values()))[0]
        return sorted(set(self.rng.choices(ids, weights=weights, k=count)))


def _weighted_ids(model, weights, *, default):
    rows = list(model.objects.order_by("pk").values_list("pk", "slug"))
    return [pk for pk, _slug in rows], [weights.get(slug, default) for _pk, slug in rows]


def now():
    return timezone.now().replace(microsecond=0)
