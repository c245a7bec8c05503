"""The organisation chooser: pick published organisations on any form (partners, organiser, funder).

Without JavaScript the field is the list of chosen organisations (ticked checkboxes: untick to
remove) and a text box for names, one per line. Names are matched against published
organisations ignoring case and accents; a name that matches none is refused with "did you
mean …?" suggestions shown as boxes to tick, and everything typed is kept. With JavaScript
(static/js/organisation-chooser.js) the text box becomes a combobox that lists matching
organisations (name and place, from `/organisations/search/?q=`) as you type; picking one adds a
removable chip.

    partners = OrganisationChooserField(label=_("Partner organisations"), required=False)
    organiser = OrganisationChooserField(multiple=False, ...)   # at most one

`cleaned_data[name]` is a list of organisations (multiple) or one organisation or None.
"""

from django import forms
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .duplicates import candidates_named_like, fold, name_similarity
from .models import Organisation

NEAR_MISS = 0.7
MAX_SUGGESTIONS = 3
MAX_RESULTS = 10
MAX_CHOSEN = 30


class OrganisationChooserWidget(forms.Widget):
    """Chosen organisations as checkboxes (`<name>`) plus names to add (`<name>_add`)."""

    template_name = "organisations/widgets/organisation_chooser.html"
    use_fieldset = True

    def __init__(self, *, multiple=True, attrs=None):
        super().__init__(attrs)
        self.multiple = multiple
        self.chosen = []
        self.suggestions = []

    def value_from_datadict(self, data, files, name):
        ids = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        return {
            "ids": [value for value in ids if str(value).isdigit()],
            "add": data.get(f"{name}_add", ""),
        }

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_add" not in data

    def format_value(self, value):
        return value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        typed = value.get("add", "") if isinstance(value, dict) else ""
        context["widget"].update(
            chosen=self.chosen,
            suggestions=self.suggestions,
            typed=typed,
            multiple=self.multiple,
            search_url=reverse("organisations:organisation-search"),
        )
        return context


class OrganisationChooserField(forms.Field):
    widget = OrganisationChooserWidget
    default_error_messages = {
        "unknown": _("We could not find “%(name)s” among the organisations on the hub."),
        "too_many": _("Choose at most %(max)s organisations."),
        "one_only": _("Choose one organisation."),
    }

    def __init__(self, *, multiple=True, queryset=None, **kwargs):
        kwargs.setdefault("widget", OrganisationChooserWidget(multiple=multiple))
        super().__init__(**kwargs)
        self.multiple = multiple
        self.widget.multiple = multiple
        self.queryset = queryset if queryset is not None else Organisation.objects.published()

    def prepare_value(self, value):
        """Initial values (organisations or ids) become the chosen chips."""
        if isinstance(value, dict):
            return value
        items = value if isinstance(value, list | tuple) else ([value] if value else [])
        self.widget.chosen = [item for item in items if isinstance(item, Organisation)]
        return {"ids": [item.pk for item in self.widget.chosen], "add": ""}

    def to_python(self, value):
        value = value or {"ids": [], "add": ""}
        chosen = list(self.queryset.filter(pk__in=value["ids"][:MAX_CHOSEN]).select_related("city"))
        names = _lines(value["add"])
        matched, unknown = self._match_names(names, exclude=chosen)
        self.widget.chosen = chosen + matched
        if unknown:
            self.widget.suggestions = self._suggestions(unknown, exclude=self.widget.chosen)
            raise forms.ValidationError(
                [
                    forms.ValidationError(self.error_messages["unknown"], params={"name": name})
                    for name in unknown
                ]
                + self._did_you_mean()
            )
        return self.widget.chosen

    def validate(self, value):
        super().validate(value)
        if self.multiple and len(value) > MAX_CHOSEN:
            raise forms.ValidationError(self.error_messages["too_many"], params={"max": MAX_CHOSEN})
        if not self.multiple and len(value) > 1:
            raise forms.ValidationError(self.error_messages["one_only"])

    def clean(self, value):
        chosen = super().clean(value)
        if self.multiple:
            return chosen
        return chosen[0] if chosen else None

    def _match_names(self, names, *, exclude):
        """(organisations matched by each name ignoring case and accents, names matching none)."""
        matched, unknown = [], []
        taken = {organisation.pk for organisation in exclude}
        for name in names:
            found = next(
                (
                    o
                    for o in candidates_named_like(name, queryset=self.queryset)
                    if fold(o.name) == fold(name)
                ),
                None,
            )
            if found is None:
                unknown.append(name)
            elif found.pk not in taken:
                taken.add(found.pk)
                matched.append(found)
        return matched, unknown

    def _suggestions(self, names, *, exclude):
        taken = {organisation.pk for organisation in exclude}
        scored = {}
        for name in names:
            for candidate in candidates_named_like(name, queryset=self.queryset, prefix=4):
                score = _similarity(name, candidate.name)
                if score >= NEAR_MISS and candidate.pk not in taken:
                    scored[candidate.pk] = (
                        max(score, scored.get(candidate.pk, (0, None))[0]),
                        candidate,
                    )
        ranked = sorted(scored.values(), key=lambda pair: -pair[0])
        return [candidate for _score, candidate in ranked[:MAX_SUGGESTIONS]]

    def _did_you_mean(self):
        suggestions = self.widget.suggestions
        if not suggestions:
            return [
                forms.ValidationError(
                    _("Check the spelling, or leave it out until it is published.")
                )
            ]
        names = ", ".join(f"“{organisation.name}”" for organisation in suggestions)
        message = ngettext(
            "Did you mean %(names)s? Tick it below.",
            "Did you mean one of %(names)s? Tick the right one below.",
            len(suggestions),
        )
        return [forms.ValidationError(message % {"names": names})]


def _similarity(typed, name):
    """How close `typed` is to `name`, or to as many of its first words ("Open Kitchn" is close
    to "Open Kitchen Collective")."""
    leading = " ".join(name.split()[: len(typed.split())])
    return max(name_similarity(typed, name), name_similarity(typed, leading))


def _lines(text):
    seen, names = set(), []
    for line in (text or "").splitlines()[:MAX_CHOSEN]:
        name = " ".join(line.split())[:200]  # as long as a name can be
        if name and fold(name) not in seen:
            seen.add(fold(name))
            names.append(name)
    return names


@require_GET
@cache_control(public=True, max_age=60)
def organisation_search(request):
    """Chooser suggestions: /organisations/search/?q=fab → [{"id", "name", "place"}], at most 10."""
    term = " ".join(request.GET.get("q", "").split())[:100]
    if len(term) < 2:
        return JsonResponse([], safe=False)
    organisations = (
        Organisation.objects.published()
        .filter(name__icontains=term)
        .select_related("city")
        .order_by("name")[:MAX_RESULTS]
    )
    if not organisations:
        organisations = candidates_named_like(term)[:MAX_RESULTS]
    results = [{"id": o.pk, "name": o.name, "place": o.place_label} for o in organisations]
    return JsonResponse(results, safe=False)
