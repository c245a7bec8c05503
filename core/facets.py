"""Faceted lists: multi-choice filters that count their values in the database.

A facet is a django-filter filter, so a kind's FilterSet stays the one filter state of its list
(and of the map, the network and the downloads that call it):

- `FacetFilter(lookup, label=..., label_lookup=..., labels=..., top=...)`: the values of one
  column or relation (`"country"`, `"areas__slug"`, `"start_date__year"`); several values of one
  facet are OR-ed, facets are AND-ed (`?area=a&area=b&country=BE`);
- `ConditionFacetFilter(options={value: (label, {lookup: value})})`: named conditions ("has
  members").

`FacetedFilterSetMixin.facets()` counts each facet's values among the rows that the *other*
active filters leave, in one query per facet whatever the number of rows: the facet's values
come from the rows of the list without any facet or text filter (so a value that no longer
matches is shown with 0, not hidden), counted where the row is in the narrowed set (a subquery).
A facet with `top` shows its N largest values, the chosen ones first; `?more=<facet>` shows
`FACET_MORE` of them.

Nothing here names a model: lookups and labels come from the FilterSets that declare facets.
"""

import hashlib
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

#: How many values a facet with `top` shows when it is opened with "more".
FACET_MORE = 100
#: At most this many values of one facet are read from an address (the rest are ignored).
MAX_VALUES = 30


class FacetValuesField(forms.MultipleChoiceField):
    """Several short values, checked by filtering (an unknown value matches nothing)."""

    widget = forms.MultipleHiddenInput

    def valid_value(self, value):
        return 0 < len(value) <= 100

    def to_python(self, value):
        return [v.strip() for v in super().to_python(value)[:MAX_VALUES] if v.strip()]


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool

    @property
    def key(self):
        """A stable, unique HTML id part for this value (htmx keeps focus by id on a swap)."""
        digest = hashlib.blake2s(self.value.encode(), digest_size=3).hexdigest()
        return f"{slugify(self.value)[:40]}-{digest}"


@dataclass
class Facet:
    """One facet as a list shows it: its values with counts, and whether there are more."""

    name: str
    label: str
    values: list = field(default_factory=list)
    more: bool = False  # values beyond `top` exist: offer "more"
    opened: bool = False  # showing more than `top`

    @property
    def selected_count(self):
        return sum(1 for v in self.values if v.selected)


def spans_many(model, lookup):
    """Whether `lookup` goes through a to-many relation (then a filter may repeat rows)."""
    for part in lookup.split("__"):
        try:
            model_field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return False
        if model_field.many_to_many or model_field.one_to_many:
            return True
        if not model_field.is_relation:
            return False
        model = model_field.related_model
    return False


def rows_where(queryset, condition):
    """`queryset` narrowed to rows matching `condition`, each row once (a subquery on the
    primary key when the condition goes through a to-many relation)."""
    matching = queryset.model._base_manager.filter(condition).values("pk")
    return queryset.filter(pk__in=matching)


class FacetFilter(django_filters.Filter):
    """The values of `lookup` (several: OR), counted by `FacetedFilterSetMixin.facets()`.

    `label_lookup` reads each value's label in the same query (`"areas__name"`); `labels`
    turns a value into its label in Python (country names, choices); `top` keeps the N largest
    values (keywords, cities) with "more".
    """

    field_class = FacetValuesField

    def __init__(
        self, lookup, *, label, label_lookup=None, labels=None, top=None, coerce=str, **kwargs
    ):
        super().__init__(field_name=lookup, label=label, **kwargs)
        self.label_lookup = label_lookup
        self.labels = labels
        self.top = top
        self.coerce = coerce  # int for years and ids: other values are dropped (match nothing)

    def coerced(self, values):
        kept = []
        for value in values:
            try:
                kept.append(self.coerce(value))
            except (TypeError, ValueError):
                continue
        return kept

    def filter(self, qs, value):
        if not value:
            return qs
        condition = Q(**{f"{self.field_name}__in": self.coerced(value)})
        if spans_many(qs.model, self.field_name):
            return rows_where(qs, condition)
        return qs.filter(condition)

    def facet(self, name, universe, narrowed, selected, *, opened=False):
        """This facet's values among `universe`, counted among `narrowed` (one query)."""
        limit = (FACET_MORE if opened else self.top) if self.top else None
        rows = [r for r in self.count_rows(universe, narrowed, selected, limit) if r["value"]]
        more = bool(limit) and len(rows) > limit
        values = [self.facet_value(row, selected) for row in rows[:limit]]
        if not self.top:
            values.sort(key=lambda v: v.label.casefold())
        return Facet(name, self.label, values, more=more, opened=opened and bool(self.top))

    def count_rows(self, universe, narrowed, selected, limit):
        lookup = self.field_name
        columns = {"value": F(lookup)}
        if self.label_lookup:
            columns["label"] = F(self.label_lookup)
        rows = (
            universe.prefetch_related(None)
            .order_by()
            .values(**columns)
            .annotate(n=Count("pk", distinct=True, filter=Q(pk__in=narrowed.values("pk"))))
        )
        if not limit:
            return rows
        if not selected:
            return rows.order_by("-n", "value")[: limit + 1]
        chosen_first = Case(
            When(Q(**{f"{lookup}__in": self.coerced(selected)}), then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return rows.order_by(chosen_first, "-n", "value")[: limit + 1]

    def facet_value(self, row, selected):
        value = str(row["value"])
        if "label" in row:
            label = row["label"]
        else:
            label = self.labels(row["value"]) if self.labels else value
        return FacetValue(value, str(label), row["n"], value in selected)


class ConditionFacetFilter(django_filters.Filter):
    """Named conditions (`options = {"yes": (_("Has members"), {"memberships__isnull":
    False})}`); several chosen: any of them."""

    field_class = FacetValuesField

    def __init__(self, *, label, options, **kwargs):
        super().__init__(label=label, **kwargs)
        self.options = options

    def condition(self, values):
        condition = Q(pk__in=[])
        for value in values:
            if value in self.options:
                condition |= Q(**self.options[value][1])
        return condition

    def filter(self, qs, value):
        return rows_where(qs, self.condition(value)) if value else qs

    def facet(self, name, universe, narrowed, selected, *, opened=False):
        model = universe.model._base_manager
        in_narrowed = Q(pk__in=narrowed.values("pk"))
        counts = universe.order_by().aggregate(
            **{
                f"n{i}": Count(
                    "pk", filter=in_narrowed & Q(pk__in=model.filter(**lookups).values("pk"))
                )
                for i, (_label, lookups) in enumerate(self.options.values())
            }
        )
        values = [
            FacetValue(value, str(label), counts[f"n{i}"], value in selected)
            for i, (value, (label, _lookups)) in enumerate(self.options.items())
        ]
        return Facet(name, self.label, values)


class FacetedFilterSetMixin:
    """For a FilterSet with facets (see the module's docstring), and `sort` choices.

    `facets()` gives each facet's values and counts; `active_count()` the number of chosen
    values (the "Filters (n)" button). A FilterSet's own `filter_queryset` override (upcoming
    events, open calls) keeps working: filters listed in `self.excluded` are skipped.
    """

    #: Filters that narrow a list but are not facets and do not set its universe (the text).
    text_filters = ("q",)
    excluded = ()
    #: `?sort=` choices: {value: ordering}; "relevance" (when searching) is the search's order.
    sort_orders = {}
    default_sort = None

    def facet_filters(self):
        return {
            name: f
            for name, f in self.filters.items()
            if isinstance(f, FacetFilter | ConditionFacetFilter)
        }

    def filter_queryset(self, queryset):
        for name, value in self.form.cleaned_data.items():
            if name in self.excluded:
                continue
            queryset = self.filters[name].filter(queryset, value)
        return self.sorted(queryset) if self.sort_orders and not self.excluded else queryset

    def sorted(self, queryset):
        sort = self.form.cleaned_data.get("sort") or ""
        searching = getattr(self, "searching", False)
        if sort == "relevance" or (not sort and searching):
            return self.relevance_order(queryset) if searching else queryset
        return queryset.order_by(*self.sort_orders.get(sort or self.default_sort, ()))

    def filter_sort(self, queryset, name, value):
        return queryset  # filter_queryset sorts once every filter has narrowed the rows

    def narrowed_without(self, names):
        """The rows every active filter leaves except `names`, in no particular order."""
        self.excluded = tuple(names)
        try:
            return self.filter_queryset(self.queryset.all()).order_by()
        finally:
            self.excluded = ()

    def facets(self):
        """Each facet with its values counted under the other active filters (a query each)."""
        if not self.is_valid():
            return []
        facets = self.facet_filters()
        universe = self.narrowed_without([*facets, *self.text_filters])
        opened = self.data.get("more", "")
        return [
            f.facet(
                name,
                universe,
                self.narrowed_without([name]),
                self.form.cleaned_data.get(name) or [],
                opened=opened == name,
            )
            for name, f in facets.items()
        ]

    def active_count(self):
        """How many facet values are chosen (the "Filters (n)" button)."""
        if not self.is_valid():
            return 0
        return sum(len(self.form.cleaned_data.get(name) or []) for name in self.facet_filters())


SORT_CHOICES = [
    ("relevance", _("Relevance (when searching)")),
    ("name", _("Name")),
    ("newest", _("Newest")),
    ("updated", _("Recently updated")),
]


def sort_filter(choices=SORT_CHOICES):
    """`?sort=`: the FilterSet's `sort_orders` order the rows (`FacetedFilterSetMixin`)."""
    return django_filters.ChoiceFilter(
        choices=choices,
        label=_("Sort by"),
        empty_label=_("Default order"),
        method="filter_sort",
    )


def has_members_filter(relation="memberships"):
    """ "Has members": rows with at least one row in `relation`."""
    return ConditionFacetFilter(
        label=_("Members"),
        options={"yes": (_("Has members"), {f"{relation}__isnull": False})},
    )
