"""The data dictionary: the one description of the hub's open data, field by field.

Everything published about the data reads it: the open-data page renders it, the downloads and
snapshots write these fields in this order (`opendata.exports`), and the read API builds its
schemas, field names and descriptions from it (`opendata.api`). A field added here appears in
all three at once.

A `Dataset` is one kind of content: its published rows (with what its fields read prefetched,
so a list costs a fixed number of queries), the FilterSet of its list page ("download what you
see" and the API's filters), and its fields. A `Column` reads one value from a row. People are
never in the data: no members, submitters, leads, authors or e-mail addresses.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db.models import Prefetch
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from events.choices import EventFormat, Frequency
from events.filters import EventFilterSet
from events.models import Event
from funding.choices import Audience, FundingType
from funding.filters import FundingCallFilterSet
from funding.models import FundingCall
from organisations.filters import OrganisationFilterSet
from organisations.models import Organisation
from projects.choices import ProjectStatus
from projects.filters import ProjectFilterSet
from projects.models import Project
from stories.choices import ResourceType, StoryKind
from stories.filters import ResourceFilterSet, StoryFilterSet
from stories.models import Resource, StoryPage

#: The value types a column may have, with the Python type of the API's schema.
TYPES = {
    "integer": int,
    "number": float,
    "text": str,
    "boolean": bool,
    "date": date,
    "datetime": datetime,
    "list": list[str],
    "id list": list[int],
}
NULLABLE = {"integer", "number", "date", "datetime"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a key of TYPES
    description: str
    read: object  # row -> value

    @property
    def python_type(self):
        python_type = TYPES[self.type]
        return python_type | None if self.type in NULLABLE else python_type


@dataclass(frozen=True)
class Dataset:
    key: str  # the plural in addresses and file names: "organisations"
    title: str
    description: str
    rows: object  # () -> the published queryset, its columns' reads prefetched
    columns: tuple
    filterset_class: object = None
    geographic: bool = False  # rows have a place: GeoJSON too
    downloadable: bool = True  # in the downloads and snapshots (else the API only)

    @property
    def model(self):
        return self.rows().model

    @property
    def formats(self):
        return ("csv", "json", "geojson") if self.geographic else ("csv", "json")

    def filtered(self, query):
        """The rows a list page shows for `query` (its GET parameters), in the list's order, and
        the FilterSet's errors (empty when every value was understood)."""
        if self.filterset_class is None:
            return self.rows(), {}
        filterset = self.filterset_class(query, queryset=self.rows())
        return filterset.qs, filterset.errors


# Readers shared by several datasets ------------------------------------------------------


def codes(what, choices):
    """ "<what>: one of a, b, c." for a column holding the codes of `choices` (TextChoices)."""
    return format_lazy("{} {}", what, ", ".join(choices.values))


def page_url(row):
    return settings.SITE_URL + row.get_absolute_url()


def story_url(row):
    """A Wagtail page's address, absolute on SITE_URL (Wagtail's own is relative on one site)."""
    url = row.get_url() or ""
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


def slugs(relation):
    return lambda row: [term.slug for term in getattr(row, relation).all()]


def published_ids(relation):
    """Ids of the linked rows that are published (a link to a draft is not public)."""
    return lambda row: [linked.pk for linked in getattr(row, relation).all() if linked.live]


def published_id(relation):
    def read(row):
        linked = getattr(row, relation)
        return linked.pk if linked is not None and linked.live else None

    return read


def keyword_names(row):
    return [tagged.tag.name for tagged in row.tagged_keywords.all()]


def latitude(row):
    return float(row.city.latitude) if row.city_id else None


def longitude(row):
    return float(row.city.longitude) if row.city_id else None


def id_column(what):
    return Column("id", "integer", what, lambda row: row.pk)


def text(name, description, attribute=None):
    return Column(name, "text", description, lambda row: getattr(row, attribute or name) or "")


def place_columns():
    return (
        Column(
            "country",
            "text",
            _("Country, as an ISO 3166-1 alpha-2 code (empty when not given)."),
            lambda row: row.country.code or "",
        ),
        Column(
            "city",
            "text",
            _("City, from the GeoNames gazetteer (empty when not given)."),
            lambda row: row.city.name if row.city_id else "",
        ),
        Column(
            "latitude",
            "number",
            _("Latitude of the city (WGS 84); empty without a city. Not a street address."),
            latitude,
        ),
        Column("longitude", "number", _("Longitude of the city (WGS 84)."), longitude),
    )


def vocabulary_columns(*names):
    descriptions = {
        "areas": _("Areas of impact, by slug (see the vocabularies on the open-data page)."),
        "technologies": _("Technologies, by slug."),
        "focus": _("DSI focus, by slug."),
        "clusters": _("Thematic clusters, by slug."),
    }
    return tuple(Column(name, "list", descriptions[name], slugs(name)) for name in names)


def dates_columns():
    return (
        Column(
            "first_published",
            "datetime",
            _("When it was first published on the hub (UTC)."),
            lambda row: row.first_published_at,
        ),
        Column(
            "last_updated",
            "datetime",
            _("When it last changed (UTC)."),
            lambda row: getattr(row, "updated_at", None) or row.last_published_at,
        ),
    )


# Listings -----------------------------------------------------------------------------------


def listing_rows(model, *extra):
    keyword_model = model._meta.get_field("tagged_keywords").related_model
    return (
        model.objects.published()
        .select_related("city")
        .prefetch_related(
            "areas",
            "technologies",
            "focus",
            Prefetch("tagged_keywords", queryset=keyword_model.objects.select_related("tag")),
            *extra,
        )
        .order_by("pk")
    )


def listing_columns(what):
    return (
        id_column(what),
        text("slug", _("Short name in the address of its page; stable.")),
        text("name", _("Name.")),
        text("short_description", _("One sentence, at most 140 characters.")),
        text("description", _("Longer description (sanitised HTML).")),
        text("website", _("Its own website.")),
        Column("url", "text", _("Its page on the hub."), page_url),
    )


def listing_tail():
    return (
        *place_columns(),
        *vocabulary_columns("areas", "technologies", "focus"),
        Column("keywords", "list", _("Free keywords."), keyword_names),
        *dates_columns(),
    )


ORGANISATIONS = Dataset(
    key="organisations",
    title=_("Organisations"),
    description=_("Organisations working on digital social innovation."),
    rows=lambda: listing_rows(Organisation, "networks").select_related("organisation_type", "size"),
    filterset_class=OrganisationFilterSet,
    geographic=True,
    columns=(
        *listing_columns(_("The organisation's number on the hub; stable.")),
        Column(
            "organisation_type",
            "text",
            _("Type of organisation, by slug."),
            lambda row: row.organisation_type.slug if row.organisation_type_id else "",
        ),
        Column(
            "size",
            "text",
            _("Size, by slug."),
            lambda row: row.size.slug if row.size_id else "",
        ),
        Column("founded", "date", _("When it was founded."), lambda row: row.founded),
        Column("networks", "list", _("Networks it belongs to, by slug."), slugs("networks")),
        *listing_tail(),
    ),
)

PROJECTS = Dataset(
    key="projects",
    title=_("Projects"),
    description=_("Projects of digital social innovation, and the organisations behind them."),
    rows=lambda: listing_rows(Project, "organisations"),
    filterset_class=ProjectFilterSet,
    geographic=True,
    columns=(
        *listing_columns(_("The project's number on the hub; stable.")),
        text("social_impact", _("The social impact it aims for (sanitised HTML).")),
        text("status", codes(_("Status, one of:"), ProjectStatus)),
        Column("start_date", "date", _("When it started."), lambda row: row.start_date),
        Column("end_date", "date", _("When it ended or ends."), lambda row: row.end_date),
        Column(
            "organisations",
            "id list",
            _("The published organisations working on it, by id (see organisations)."),
            published_ids("organisations"),
        ),
        *listing_tail(),
    ),
)

# Events and funding calls -------------------------------------------------------------------

EVENTS = Dataset(
    key="events",
    title=_("Events"),
    description=_("Events of the community, past and upcoming."),
    rows=lambda: (
        Event.objects.published()
        .select_related("city", "organiser")
        .prefetch_related("clusters", "areas")
        .order_by("pk")
    ),
    filterset_class=EventFilterSet,
    geographic=True,
    columns=(
        id_column(_("The event's number on the hub; stable.")),
        text("slug", _("Short name in the address of its page; stable.")),
        text("title", _("Title.")),
        text("summary", _("One or two sentences.")),
        text("description", _("Description (sanitised HTML)."), "body"),
        Column("url", "text", _("Its page on the hub."), page_url),
        Column("start", "datetime", _("When it starts (UTC)."), lambda row: row.start),
        Column("end", "datetime", _("When it ends (UTC)."), lambda row: row.end),
        text("timezone", _("The IANA time zone it happens in.")),
        text("format", codes(_("Format, one of:"), EventFormat)),
        text("venue", _("Venue.")),
        text("address", _("The venue's address.")),
        text("online_url", _("Where to join online.")),
        text("registration_url", _("Where to register.")),
        Column("is_free", "boolean", _("Free of charge."), lambda row: row.is_free),
        text("price", _("Price, as written by the organiser.")),
        text("recurrence", codes(_("Repeats (empty: once), one of:"), Frequency)),
        Column(
            "next_start",
            "datetime",
            _("The next occurrence not yet over (UTC)."),
            lambda row: row.next_start,
        ),
        Column(
            "organiser",
            "integer",
            _("The organising organisation's id, when it is published on the hub."),
            published_id("organiser"),
        ),
        *place_columns(),
        *vocabulary_columns("clusters", "areas"),
        *dates_columns(),
    ),
)

FUNDING_CALLS = Dataset(
    key="funding-calls",
    title=_("Funding calls"),
    description=_("Funding and support calls innovators can apply for, open and closed."),
    rows=lambda: (
        FundingCall.objects.published()
        .select_related("funder_organisation")
        .prefetch_related("clusters", "areas")
        .order_by("pk")
    ),
    filterset_class=FundingCallFilterSet,
    columns=(
        id_column(_("The call's number on the hub; stable.")),
        text("slug", _("Short name in the address of its page; stable.")),
        text("title", _("Title.")),
        text("summary", _("One or two sentences.")),
        text("details", _("Details (sanitised HTML)."), "body"),
        Column("url", "text", _("Its page on the hub."), page_url),
        text("call_url", _("The funder's page of the call."), "url"),
        text("funder", _("The funder's name.")),
        Column(
            "funder_organisation",
            "integer",
            _("The funder's organisation id, when it is published on the hub."),
            published_id("funder_organisation"),
        ),
        text("type", codes(_("Type, one of:"), FundingType), "call_type"),
        Column(
            "audiences",
            "list",
            codes(_("Who can apply, any of:"), Audience),
            lambda row: list(row.audiences or []),
        ),
        Column(
            "eligible_countries",
            "list",
            _("Countries whose applicants may apply (ISO codes); empty: any country."),
            lambda row: [country.code for country in row.countries],
        ),
        Column("amount_min", "integer", _("Smallest amount."), lambda row: row.amount_min),
        Column("amount_max", "integer", _("Largest amount."), lambda row: row.amount_max),
        text("currency", _("Currency of the amounts (ISO 4217).")),
        Column("opens_on", "date", _("When it opens."), lambda row: row.opens_on),
        Column(
            "closes_on", "date", _("When it closes; empty: rolling."), lambda row: row.closes_on
        ),
        *vocabulary_columns("clusters", "areas"),
        *dates_columns(),
    ),
)

# In the API only ----------------------------------------------------------------------------

CLUSTERS = Dataset(
    key="clusters",
    title=_("Clusters"),
    description=_("The thematic clusters of the community."),
    rows=lambda: Cluster.objects.select_related("area").order_by("pk"),
    downloadable=False,
    columns=(
        id_column(_("The cluster's number on the hub; stable.")),
        text("slug", _("Short name in the address of its page; stable.")),
        text("title", _("Title.")),
        text("intro", _("Introduction.")),
        Column("area", "text", _("Its area of impact, by slug."), lambda row: row.area.slug),
        text("coordinator", _("The organisation leading it.")),
        Column("url", "text", _("Its page on the hub."), page_url),
    ),
)

STORIES = Dataset(
    key="stories",
    title=_("Stories"),
    description=_("Blog posts and case studies written by the hub's editors."),
    rows=lambda: (
        StoryPage.objects.published().prefetch_related("clusters", "areas", "tags").order_by("pk")
    ),
    filterset_class=StoryFilterSet,
    downloadable=False,
    columns=(
        id_column(_("The story's number on the hub; stable.")),
        text("slug", _("Short name in the address of its page.")),
        text("title", _("Title.")),
        text("kind", codes(_("Kind, one of:"), StoryKind)),
        Column("date", "date", _("Its date."), lambda row: row.date),
        text("intro", _("Introduction.")),
        Column("url", "text", _("Its page on the hub."), story_url),
        *vocabulary_columns("clusters", "areas"),
        Column("tags", "list", _("Tags."), lambda row: [tag.name for tag in row.tags.all()]),
        Column(
            "first_published",
            "datetime",
            _("When it was first published (UTC)."),
            lambda row: row.first_published_at,
        ),
    ),
)

RESOURCES = Dataset(
    key="resources",
    title=_("Resources"),
    description=_("Guides, toolkits, reports and other resources in the library."),
    rows=lambda: (
        Resource.objects.published()
        .select_related("author", "document")
        .prefetch_related("clusters", "areas")
        .order_by("pk")
    ),
    filterset_class=ResourceFilterSet,
    downloadable=False,
    columns=(
        id_column(_("The resource's number on the hub; stable.")),
        text("title", _("Title.")),
        text("description", _("Description.")),
        Column("link", "text", _("Where to read it."), lambda row: row.href or ""),
        text("type", codes(_("Kind of resource, one of:"), ResourceType), "resource_type"),
        Column(
            "author_organisation",
            "integer",
            _("The author organisation's id, when it is published on the hub."),
            published_id("author"),
        ),
        Column("year", "integer", _("Year of publication."), lambda row: row.year),
        *vocabulary_columns("clusters", "areas"),
    ),
)

DATASETS = (ORGANISATIONS, PROJECTS, EVENTS, FUNDING_CALLS, CLUSTERS, STORIES, RESOURCES)
BY_KEY = {dataset.key: dataset for dataset in DATASETS}


def downloadable():
    return [dataset for dataset in DATASETS if dataset.downloadable]


def dataset_of(model):
    """The downloadable dataset of `model` (a list page's model), or None."""
    return next((d for d in downloadable() if d.model is model), None)
