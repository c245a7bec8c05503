"""Importing the original platform's records as published, claimable listings.

`Importer` holds what every record of a run shares (the vocabularies, the gazetteer, the names
and websites of the listings already there); `import_record` imports one record in its own
savepoint and answers with a `Result`: created, updated or skipped, and why. Imported listings
are published (`live`) with no members, so their people can claim them (organisations.claims).

A record is known by its kind and original id (`LegacyRecord`). The first time it is seen, a
listing with the same normalised name or the same website (organisations.duplicates) — already
in the hub, or imported from an earlier record — makes it a duplicate: it is skipped and mapped
to that listing, so projects linking to it still find it. A record seen before is skipped when
it has not changed (a re-run writes nothing), when its listing was deleted since, or when its
listing has members now (their edits win); otherwise its listing is updated.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, transaction
from django.utils import timezone

from moderation.slugs import save_with_unique_slug
from organisations.duplicates import normalise_name, website_host
from organisations.models import Organisation
from projects.choices import ProjectStatus
from projects.models import Project
from taxonomy.keywords import tags_named

from .models import LegacyRecord, Outcome, RecordKind
from .places import Gazetteer
from .text import plain_line, rich_text, shortened
from .vocabulary import Vocabularies, keyword_names

MODELS = {RecordKind.ORGANISATION: Organisation, RecordKind.PROJECT: Project}
#: Hosts many unrelated listings share: the same host there says nothing about duplicates.
SHARED_HOSTS = frozenset(
    {"facebook.com", "twitter.com", "x.com", "linkedin.com", "instagram.com", "youtube.com",
     "github.com", "medium.com", "wordpress.com", "blogspot.com", "google.com", "sites.google.com",
     "wix.com", "meetup.com", "eventbrite.com"}
)  # fmt: skip
#: The original platform's placeholder for "no date".
NO_DATE = {"", "1970-01-01", "0000-00-00"}
SHORT_DESCRIPTION = 140
CHUNK_SIZE = 100
_url = URLValidator(schemes=["http", "https"])


@dataclass
class Result:
    kind: str
    legacy_id: str
    name: str
    outcome: str
    reason: str = ""
    url: str = ""


@dataclass
class KnownListings:
    """The listings of one kind by normalised name and by website host, for duplicates."""

    by_name: dict = field(default_factory=dict)
    by_host: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)

    @classmethod
    def of(cls, model):
        known = cls()
        for pk, name, website in model.objects.order_by("pk").values_list("pk", "name", "website"):
            known.add(pk, name, website)
        return known

    def add(self, pk, name, website):
        self.names[pk] = name
        self.by_name.setdefault(normalise_name(name), pk)
        host = website_host(website)
        if host and host not in SHARED_HOSTS:
            self.by_host.setdefault(host, pk)

    def match(self, name, website):
        """(pk, reason) of the listing `name`/`website` duplicates, or None."""
        host = website_host(website)
        if host in self.by_host:
            pk = self.by_host[host]
            return pk, f"duplicate of “{self.names[pk]}” (same website {host})"
        if (key := normalise_name(name)) and key in self.by_name:
            pk = self.by_name[key]
            return pk, f"duplicate of “{self.names[pk]}” (same name)"
        return None


class Importer:
    def __init__(self):
        self.vocabularies = Vocabularies()
        self.gazetteer = Gazetteer()
        self.known = {kind: KnownListings.of(model) for kind, model in MODELS.items()}
        self.now = timezone.now()

    def import_record(self, record):
        """Import one Record in a savepoint; the Result says what happened."""
        name = shortened(plain_line(record.name), 200)
        result = Result(record.kind, record.legacy_id, name, Outcome.SKIPPED)
        if not record.legacy_id:
            result.reason = "no id"
        elif not name:
            result.reason = "no name"
        else:
            try:
                with transaction.atomic():
                    self._import(record, result)
            except (DatabaseError, ValidationError, ValueError) as error:
                result.outcome, result.url = Outcome.SKIPPED, ""
                result.reason = f"not saved: {error}"
        return result

    def _import(self, record, result):
        mapping = (
            LegacyRecord.objects.select_related("organisation", "project")
            .filter(kind=record.kind, legacy_id=record.legacy_id)
            .first()
        )
        if mapping is None:
            self._first_time(record, result)
        else:
            self._again(record, mapping, result)

    def _first_time(self, record, result):
        fields = self._fields(record, result)
        model = MODELS[record.kind]
        match = self.known[record.kind].match(fields["name"], fields["website"])
        if match:
            pk, result.reason = match
            if record.kind == RecordKind.PROJECT:
                self._link_imported_duplicate(pk, fields["m2m"]["organisations"])
            LegacyRecord.objects.create(
                kind=record.kind,
                legacy_id=record.legacy_id,
                duplicate=True,
                fingerprint=record.fingerprint,
                **{record.kind: model(pk=pk)},
            )
            return
        listing = model(
            live=True,
            has_unpublished_changes=False,
            first_published_at=self._published_at(record),
            last_published_at=self.now,
        )
        self._apply(listing, fields)
        save_with_unique_slug(listing, fields["name"])
        LegacyRecord.objects.create(
            kind=record.kind,
            legacy_id=record.legacy_id,
            fingerprint=record.fingerprint,
            **{record.kind: listing},
        )
        self.known[record.kind].add(listing.pk, listing.name, listing.website)
        result.outcome, result.url = Outcome.CREATED, listing.get_absolute_url()

    def _link_imported_duplicate(self, project_id, organisation_ids):
        """A project listed twice in the export keeps the links of both records; a listing
        that was in the hub before the import is left as its people made it."""
        imported = LegacyRecord.objects.filter(
            kind=RecordKind.PROJECT, project_id=project_id, duplicate=False
        )
        if organisation_ids and imported.exists():
            through = Project.organisations.through
            through.objects.bulk_create(
                [through(project_id=project_id, organisation_id=pk) for pk in organisation_ids],
                ignore_conflicts=True,
            )

    def _again(self, record, mapping, result):
        listing = mapping.listing
        if listing is None:
            result.reason = "its listing was deleted after an earlier import"
        elif mapping.duplicate:
            result.reason = f"duplicate of “{listing.name}”"
        elif mapping.fingerprint == record.fingerprint:
            result.reason = "unchanged since the last import"
            result.url = listing.get_absolute_url()
        elif listing.memberships.exists():
            result.reason = "changed, but its listing has members now: their version is kept"
        else:
            self._apply(listing, self._fields(record, result))
            listing.last_published_at = self.now
            listing.save()
            mapping.fingerprint = record.fingerprint
            mapping.save(update_fields=["fingerprint", "updated_at"])
            result.outcome, result.url = Outcome.UPDATED, listing.get_absolute_url()

    def _published_at(self, record):
        created = parse_date(record.data.get("created") or record.data.get("creation_date"))
        if created is None:
            return self.now
        return dt.datetime.combine(created, dt.time(), tzinfo=dt.UTC)

    def _fields(self, record, result):
        """The listing's fields, terms, keywords and links from the record; notes go to the
        result's reason."""
        data, notes = record.data, []
        long_text = data.get("long_description") or ""
        short = plain_line(data.get("short_description")) or plain_line(long_text)
        website = _website(data.get("website"), notes)
        location = self.gazetteer.locate(data)
        if location.note:
            notes.append(location.note)
        fields = {
            "name": result.name,
            "short_description": shortened(short, SHORT_DESCRIPTION),
            "description": rich_text(long_text),
            "website": website,
            "country": location.country,
            "city_id": location.city_id,
        }
        if record.kind == RecordKind.ORGANISATION:
            fields.update(self._organisation_fields(data, notes))
        else:
            fields.update(self._project_fields(data, notes))
        result.reason = "; ".join(notes)
        return fields

    def _organisation_fields(self, data, notes):
        vocabularies = self.vocabularies
        networks, other_networks = vocabularies.networks.match(data.get("networkTags"))
        return {
            "address": shortened(plain_line(data.get("address")), 255),
            "organisation_type_id": vocabularies.types.find(_name(data.get("organisation_type"))),
            "size_id": vocabularies.sizes.find(_name(data.get("organisation_size"))),
            "founded": parse_date(data.get("startDate")),
            "m2m": {"networks": networks},
            "keywords": keyword_names(data.get("tags"), other_networks),
        }

    def _project_fields(self, data, notes):
        vocabularies = self.vocabularies
        areas, other_areas = vocabularies.areas.match(data.get("support_tags"))
        technologies, other_technologies = vocabularies.technologies.match(data.get("technology"))
        focus, other_focus = vocabularies.focus.match(data.get("focus"))
        start, end = parse_date(data.get("start_date")), parse_date(data.get("end_date"))
        if start and end and end < start:
            notes.append("end date before the start date: dropped")
            end = None
        organisations = self._organisations(data.get("linked_organisation_ids") or [], notes)
        closed = end is not None and end < self.now.date()
        return {
            "social_impact": rich_text(data.get("social_impact")),
            "start_date": start,
            "end_date": end,
            "status": ProjectStatus.CLOSED if closed else ProjectStatus.LIVE,
            "m2m": {
                "areas": areas,
                "technologies": technologies,
                "focus": focus,
                "organisations": organisations,
            },
            "keywords": keyword_names(
                data.get("who_we_help_tags"), other_areas, other_technologies, other_focus
            ),
        }

    def _organisations(self, legacy_ids, notes):
        found = dict(
            LegacyRecord.objects.filter(
                kind=RecordKind.ORGANISATION,
                legacy_id__in=legacy_ids,
                organisation__isnull=False,
            ).values_list("legacy_id", "organisation_id")
        )
        missing = [legacy_id for legacy_id in legacy_ids if legacy_id not in found]
        if missing:
            notes.append(f"linked organisations not imported: {', '.join(missing)}")
        return sorted(set(found.values()))

    def _apply(self, listing, fields):
        fields = dict(fields)
        m2m, keywords = fields.pop("m2m"), fields.pop("keywords")
        for name, value in fields.items():
            setattr(listing, name, value)
        for name, ids in m2m.items():
            related = listing._meta.get_field(name).related_model
            getattr(listing, name).set(list(related.objects.filter(pk__in=ids)) if ids else [])
        listing.keywords.set(tags_named(keywords))


def import_records(records, *, progress=None):
    """Import `records` (export.read_export) in order; the list of Results.

    Records are imported CHUNK_SIZE to a transaction (each in its own savepoint): one commit
    per chunk instead of one per query. `progress(result)`, if given, is called after each
    record.
    """
    importer = Importer()
    results = []
    for start in range(0, len(records), CHUNK_SIZE):
        with transaction.atomic():
            for record in records[start : start + CHUNK_SIZE]:
                results.append(importer.import_record(record))
                if progress:
                    progress(results[-1])
    return results


def parse_date(value):
    """A date from "YYYY-MM-DD" (a time after it ignored); None for the export's empty dates."""
    if not isinstance(value, str) or value.strip()[:10] in NO_DATE:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _name(value):
    if isinstance(value, dict):
        value = value.get("name")
    return plain_line(value) if isinstance(value, str) else ""


def _website(value, notes):
    url = plain_line(value)
    if not url:
        return ""
    if "://" not in url:
        url = f"https://{url}"
    try:
        _url(url)
    except ValidationError:
        notes.append(f"website dropped (not an address): “{shortened(plain_line(value), 80)}”")
        return ""
    if len(url) > 200:
        notes.append("website dropped (longer than 200 characters)")
        return ""
    return url
