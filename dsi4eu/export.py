"""Reading the original platform's export (`organisations.json`, `projects.json`).

The files are JSON lists of objects as digitalsocial.eu served them. What varies between
records is smoothed here, before anything is written: ids come as numbers in one place and
strings in another (both become strings), and the project–organisation links, which the
export gives from both sides (`linked_project_ids` on organisations, `linked_organisation_ids`
on projects), are merged onto the projects, so a link named on one side only is kept.
Organisations come first: a project's links are resolved against what was imported before it.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import RecordKind

ID_FIELDS = {RecordKind.ORGANISATION: "organisation_id", RecordKind.PROJECT: "project_id"}
NAME_FIELDS = {RecordKind.ORGANISATION: "organisation_name", RecordKind.PROJECT: "project_name"}


@dataclass(frozen=True)
class Record:
    kind: str
    legacy_id: str
    data: dict = field(hash=False, compare=False)

    @property
    def name(self):
        value = self.data.get(NAME_FIELDS[self.kind])
        return value.strip() if isinstance(value, str) else ""

    @property
    def fingerprint(self):
        """What the record said, as a hash: a re-run of an unchanged record writes nothing."""
        canonical = json.dumps(self.data, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()


def load_list(stream, label):
    """The JSON list of objects in `stream`; ValueError with a message for people otherwise."""
    try:
        data = json.load(stream)
    except UnicodeDecodeError as error:
        raise ValueError(_("%(file)s is not UTF-8 text.") % {"file": label}) from error
    except json.JSONDecodeError as error:
        raise ValueError(
            _("%(file)s is not JSON: %(error)s.") % {"file": label, "error": error}
        ) from error
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ValueError(_("%(file)s must hold a list of records.") % {"file": label})
    return data


def normalise_id(value):
    """336, "336", " 336 " and 336.0 are the same id: "336". Anything else is no id ("")."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int | str):
        return str(value).strip()
    return ""


def read_export(organisations, projects):
    """The records of both files (parsed lists), organisations first, links merged."""
    links = _links_by_project(organisations, projects)
    records = [_record(RecordKind.ORGANISATION, data) for data in organisations]
    for data in projects:
        record = _record(RecordKind.PROJECT, data)
        record.data["linked_organisation_ids"] = sorted(
            links.get(record.legacy_id, ()), key=_id_key
        )
        records.append(record)
    return records


def _record(kind, data):
    data = dict(data)
    for name in ("linked_project_ids", "linked_organisation_ids"):
        if name in data:
            data[name] = sorted(_ids(data[name]), key=_id_key)
    return Record(kind, normalise_id(data.get(ID_FIELDS[kind])), data)


def _links_by_project(organisations, projects):
    links = {}
    for project in projects:
        project_id = normalise_id(project.get("project_id"))
        links.setdefault(project_id, set()).update(_ids(project.get("linked_organisation_ids")))
    for organisation in organisations:
        organisation_id = normalise_id(organisation.get("organisation_id"))
        for project_id in _ids(organisation.get("linked_project_ids")):
            if organisation_id:
                links.setdefault(project_id, set()).add(organisation_id)
    return links


def _ids(values):
    if not isinstance(values, list):
        return set()
    return {normalised for value in values if (normalised := normalise_id(value))}


def _id_key(value):
    return (len(value), value)  # numeric order for numeric ids
