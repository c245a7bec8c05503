"""Independent validators of what the hub serves to programs, each returning a list of errors
(empty when the document passes). None of them is ours: feedparser, lxml with the sitemaps.org
XSD, icalendar + vobject (+ recurring-ical-events), extruct, Python's strict e-mail parser and
the Nu Html Checker (vnu.jar). Around them, only the checks their standards state and these
parsers leave out (RFC 4287's required elements, Google's required properties)."""

import datetime as dt
import email
import json
import os
import subprocess
from email import policy
from pathlib import Path

import extruct
import feedparser
import icalendar
import pytest
import recurring_ical_events
import vobject
from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
ATOM = "{http://www.w3.org/2005/Atom}"
VNU_JAR = Path(__file__).resolve().parents[2] / "tools/node_modules/vnu-jar/build/dist/vnu.jar"
# A developer without Java skips the Nu checks; CI (which .ci/run provisions) never does.
needs_vnu = pytest.mark.skipif(
    not VNU_JAR.exists() and not os.environ.get("CI"),
    reason="vnu.jar not installed: run .ci/run, or see docs/interop.md",
)


# Feeds -----------------------------------------------------------------------------------


def feed_errors(body):
    """feedparser's complaints, then RFC 4287 (Atom) or RSS 2.0's required elements."""
    parsed = feedparser.parse(body)
    errors = [f"feedparser: {parsed.bozo_exception}"] if parsed.bozo else []
    root = etree.fromstring(body)
    if root.tag == f"{ATOM}feed":
        return errors + _atom_errors(root)
    return errors + _rss_errors(root)


def _atom_errors(feed):
    errors = [
        f"feed lacks atom:{name}" for name in ("id", "title", "updated") if _missing(feed, name)
    ]
    feed_has_author = not _missing(feed, "author")
    for entry in feed.iter(f"{ATOM}entry"):
        title = entry.findtext(f"{ATOM}title")
        required = ["id", "title", "updated"] + ([] if feed_has_author else ["author"])
        errors += [
            f"entry {title!r} lacks atom:{name}" for name in required if _missing(entry, name)
        ]
        published, updated = entry.findtext(f"{ATOM}published"), entry.findtext(f"{ATOM}updated")
        if published and updated and _instant(updated) < _instant(published):
            errors.append(f"entry {title!r} updated {updated} before published {published}")
    return errors


def _rss_errors(rss):
    channel = rss.find("channel")
    errors = [
        f"channel lacks {name}"
        for name in ("title", "link", "description")
        if channel.find(name) is None
    ]
    for item in channel.iter("item"):
        if item.find("title") is None and item.find("description") is None:
            errors.append("item has neither title nor description")
    return errors


def _missing(element, name):
    return element.find(f"{ATOM}{name}") is None


def _instant(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


# Sitemaps --------------------------------------------------------------------------------


def sitemap_errors(body):
    """The sitemaps.org 0.9 XSD (index or urlset, hreflang links included)."""
    root = etree.fromstring(body)
    name = "siteindex.xsd" if root.tag.endswith("sitemapindex") else "urlset-with-alternates.xsd"
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / name)))
    if schema.validate(root):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


# Calendars -------------------------------------------------------------------------------


def calendar_errors(body, *, horizon_days=400):
    """Parsed by icalendar and by vobject, the two must agree on every event's UID, summary,
    start and end; recurring-ical-events must expand the same events; RFC 5545 §3.6 wants one
    component at least."""
    try:
        first = icalendar.Calendar.from_ical(body)
        second = vobject.readOne(body.decode())
    except Exception as error:  # noqa: BLE001 - any parser failure is the finding
        return [f"unparsable: {error!r}"]
    errors = [] if first.subcomponents else ["VCALENDAR without any component"]
    by_icalendar = {
        str(e["UID"]): _event_facts(e["SUMMARY"], e.decoded("DTSTART"), e.decoded("DTEND"))
        for e in first.walk("VEVENT")
    }
    by_vobject = {
        e.uid.value: _event_facts(e.summary.value, e.dtstart.value, e.dtend.value)
        for e in getattr(second, "vevent_list", [])
    }
    if by_icalendar != by_vobject:
        errors.append(f"icalendar and vobject disagree: {by_icalendar} != {by_vobject}")
    today = dt.date.today()
    window = recurring_ical_events.of(first).between(
        today - dt.timedelta(days=1), today + dt.timedelta(days=horizon_days)
    )
    expanded = {str(occurrence["UID"]) for occurrence in window}
    if not expanded <= set(by_icalendar):
        errors.append(f"recurring-ical-events found unknown events: {expanded - set(by_icalendar)}")
    return errors


def _event_facts(summary, start, end):
    return (str(summary), _moment(start), _moment(end))


def _moment(value):
    return (
        value.astimezone(dt.UTC).isoformat()
        if isinstance(value, dt.datetime)
        else value.isoformat()
    )


# Structured data -------------------------------------------------------------------------

# What Google's documentation requires (R) per type; and for the funding type, schema.org's own
# properties of a MonetaryGrant (Grant, Thing), since Google documents none.
REQUIRED = {
    "Event": ("name", "startDate", "location"),
    "Article": ("headline", "datePublished", "author"),
    "Organization": ("name", "url"),
    "MonetaryGrant": ("name", "url"),
}
GRANT_PROPERTIES = {
    "@context",
    "@type",
    "name",
    "description",
    "url",
    "sameAs",
    "funder",
    "amount",
    "image",
    "identifier",
    "alternateName",
    "fundedItem",
    "sponsor",
}


def structured_data_errors(html, url):
    """extruct's JSON-LD (and microdata) with each item's required properties and values."""
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "microdata"], uniform=True)
    errors = []
    for item in data["json-ld"]:
        errors += _item_errors(item)
    return errors


def structured_types(html, url):
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=True)
    return [item.get("@type") for item in data["json-ld"]]


def _item_errors(item):
    kind = item.get("@type")
    errors = [
        f"{kind} lacks {name}"
        for name in REQUIRED.get(kind, ())
        if item.get(name) in (None, "", [])
    ]
    if kind == "Event":
        errors += _location_errors(item.get("location") or [])
    if kind == "Article" and "T" not in str(item.get("datePublished", "T")):
        errors.append(f"Article datePublished {item['datePublished']!r} has no time")
    if kind == "MonetaryGrant":
        errors += [f"MonetaryGrant has no property {name}" for name in set(item) - GRANT_PROPERTIES]
    return errors


def _location_errors(locations):
    locations = locations if isinstance(locations, list) else [locations]
    errors = []
    for location in locations:
        if location.get("@type") == "VirtualLocation" and not location.get("url"):
            errors.append("VirtualLocation without url")
        if location.get("@type") == "Place" and not location.get("address"):
            errors.append("Place without address")
    return errors


# E-mail ----------------------------------------------------------------------------------


def email_errors(raw, *, bulk=False):
    """Python's strict parser (policy.strict raises on every defect), then RFC 5322's 998
    characters a line, a multipart/alternative body, and RFC 8058's headers on bulk mail."""
    try:
        message = email.message_from_bytes(raw, policy=policy.strict)
        message.get_body()  # strict parsing of the parts happens on access
        for part in message.walk():
            part.get_content() if not part.is_multipart() else None
    except Exception as error:  # noqa: BLE001 - any parser failure is the finding
        return [f"strict parser: {error!r}"]
    errors = [f"a line of {len(line)} characters" for line in raw.splitlines() if len(line) > 998]
    if message.get_content_type() != "multipart/alternative" and not message.is_multipart():
        errors.append(f"{message['Subject']!r} is {message.get_content_type()}, not multipart")
    if message["Auto-Submitted"] != "auto-generated":
        errors.append(f"{message['Subject']!r} lacks Auto-Submitted: auto-generated")
    if bulk:
        errors += _bulk_errors(message)
    return errors


def _bulk_errors(message):
    errors = []
    unsubscribe = message["List-Unsubscribe"] or ""
    if "<https://" not in unsubscribe:
        errors.append(f"List-Unsubscribe without an https address: {unsubscribe!r}")
    if message["List-Unsubscribe-Post"] != "List-Unsubscribe=One-Click":
        errors.append("no List-Unsubscribe-Post: List-Unsubscribe=One-Click")
    if message["Precedence"] != "bulk":
        errors.append("no Precedence: bulk")
    return errors


# HTML ------------------------------------------------------------------------------------


def html_errors(documents):
    """The Nu Html Checker over {name: html}, started once for the whole batch: {name: [errors]}
    for the documents with errors."""
    folder = Path(documents.pop("__folder__"))
    names = {}
    for index, (name, html) in enumerate(documents.items()):
        path = folder / f"page-{index}.html"
        path.write_text(html)
        names[path.name] = name
    command = [
        "java",
        "-jar",
        str(VNU_JAR),
        "--errors-only",
        "--format",
        "json",
        *[str(folder / f"page-{i}.html") for i in range(len(documents))],
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - fixed command
    errors = {}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        url = message.get("url", "")
        name = names.get(url.rsplit("/", 1)[-1], url)
        errors.setdefault(name, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return errors
