"""The figures and charts of /explore/: published content only, a fixed number of queries
(each count is one aggregate), cached per content version and language."""

import datetime as dt
from collections import Counter

from django.db.models import Count
from django.db.models.functions import ExtractYear, TruncMonth
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.content_version import cached
from events.models import Event
from funding.choices import FundingType
from funding.models import FundingCall
from taxonomy.models import AreaOfImpact, DSIFocus, Technology

from .charts import chart, choropleth
from .kinds import ORGANISATIONS, PROJECTS

#: The vocabularies charted, as (key, vocabulary, listing field, list parameter).
VOCABULARIES = [
    ("area", AreaOfImpact, "areas"),
    ("technology", Technology, "technologies"),
    ("focus", DSIFocus, "focus"),
]
MONTHS_BACK, MONTHS_AHEAD = 12, 6
LISTING_SERIES = [("organisations", _("Organisations")), ("projects", _("Projects"))]


def statistics():
    return cached("explore-statistics", (get_language(),), _statistics)


def _statistics():
    today = timezone.localdate()
    by_country = _listings_by_country()
    stats = {
        "counts": _counts(today),
        "countries": _country_rows(by_country),
        "map": choropleth(
            {code: orgs + projects for code, (orgs, projects) in by_country.items()},
            lambda code: _list_url(ORGANISATIONS, country=code),
        ),
        "start_years": chart([("projects", _("Projects"))], _start_years()),
        "events_per_month": chart([("events", _("Events"))], _events_per_month(today)),
        "funding_by_type": chart([("funding", _("Open calls"))], _funding_by_type()),
    }
    for key, vocabulary, field in VOCABULARIES:
        stats[key] = chart(LISTING_SERIES, _term_groups(key, vocabulary, field))
    return stats


def _counts(today):
    return {
        "organisations": ORGANISATIONS.model.objects.published().count(),
        "projects": PROJECTS.model.objects.published().count(),
        "events": Event.objects.published().upcoming().count(),
        "funding": FundingCall.objects.published().open(today).count(),
    }


def _list_url(kind, **params):
    return f"{kind.list_url()}?{urlencode(params)}"


def _listings_by_country():
    """{code: (organisations, projects)}."""
    counts = {}
    for index, kind in enumerate((ORGANISATIONS, PROJECTS)):
        rows = (
            kind.model.objects.published()
            .exclude(country="")
            .order_by()
            .values_list("country")
            .annotate(n=Count("pk"))
        )
        for code, count in rows:
            pair = counts.setdefault(code, [0, 0])
            pair[index] = count
    return {code: tuple(pair) for code, pair in counts.items()}


def _country_rows(by_country):
    rows = [
        {
            "code": code,
            "name": countries.name(code) or code,
            "organisations": orgs,
            "projects": projects,
            "organisations_url": _list_url(ORGANISATIONS, country=code),
            "projects_url": _list_url(PROJECTS, country=code),
        }
        for code, (orgs, projects) in by_country.items()
    ]
    return sorted(rows, key=lambda row: (-row["organisations"] - row["projects"], row["name"]))


def _term_groups(key, vocabulary, field):
    """Each term with its published organisations and projects: two bars, two links."""
    per_kind = {kind: _term_counts(kind, field) for kind in (ORGANISATIONS, PROJECTS)}
    return [
        (
            term.name,
            [(per_kind[kind][term.pk], _list_url(kind, **{key: term.slug})) for kind in per_kind],
        )
        for term in vocabulary.objects.order_by("sort_order", "name")
    ]


def _term_counts(kind, field):
    """Counter {term pk: published listings of `kind`} over the m2m table of `field`."""
    through = kind.model._meta.get_field(field).remote_field.through
    owner = kind.model._meta.model_name
    term_column = next(
        f.attname for f in through._meta.fields if f.is_relation and f.attname != f"{owner}_id"
    )
    rows = (
        through.objects.filter(**{f"{owner}__in": kind.model.objects.published().values("pk")})
        .order_by()
        .values_list(term_column)
        .annotate(n=Count("pk"))
    )
    return Counter(dict(rows))


def _start_years():
    rows = (
        PROJECTS.model.objects.published()
        .exclude(start_date=None)
        .annotate(year=ExtractYear("start_date"))
        .order_by("year")
        .values_list("year")
        .annotate(n=Count("pk"))
    )
    linkable = "year" in PROJECTS.filterset_class.base_filters  # the start year facet
    return [
        (str(year), [(count, _list_url(PROJECTS, year=year) if linkable else "")])
        for year, count in rows
    ]


def _events_per_month(today):
    first = _add_months(today.replace(day=1), -MONTHS_BACK)
    end = _add_months(today.replace(day=1), MONTHS_AHEAD + 1)
    counts = dict(
        Event.objects.published()
        .filter(start__date__gte=first, start__date__lt=end)
        .annotate(month=TruncMonth("start"))
        .order_by()
        .values_list("month")
        .annotate(n=Count("pk"))
    )
    counts = {month.date() if hasattr(month, "date") else month: n for month, n in counts.items()}
    rows, month = [], first
    while month < end:
        rows.append((_month_label(month), [(counts.get(month, 0), _events_url(month, today))]))
        month = _add_months(month, 1)
    return rows


def _events_url(month, today):
    last = _add_months(month, 1) - dt.timedelta(days=1)
    params = {"from": month.isoformat(), "to": last.isoformat()}
    if last < today:
        params = {"when": "past", **params}
    return f"{reverse('events:event-list')}?{urlencode(params)}"


def _month_label(month):
    return formats.date_format(month, "M Y")


def _add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)


def _funding_by_type():
    counts = dict(
        FundingCall.objects.published()
        .open()
        .order_by()
        .values_list("call_type")
        .annotate(n=Count("pk"))
    )
    funding_list = reverse("funding:index")
    return [
        (label, [(counts.get(value, 0), f"{funding_list}?{urlencode({'type': value})}")])
        for value, label in FundingType.choices
    ]
