"""The original platform's vocabularies mapped onto ours (taxonomy).

A value names a term by its name or slug in any case, or by one of the names the original
platform used (its pre-2018 areas of impact, "Education and skills" …). Values that match no
term are kept as free keywords; values made only of digits are ids the original export leaked
without their names, and are dropped.
"""

from django.utils.text import slugify

from organisations.duplicates import fold
from taxonomy.models import (
    AreaOfImpact,
    DSIFocus,
    Network,
    OrganisationSize,
    OrganisationType,
    Technology,
)

from .text import plain_line

#: Names the original platform used, by the slug of the term that replaced them.
OLD_NAMES = {
    AreaOfImpact: {
        "skills-and-learning": ["Education and skills"],
        "digital-democracy": ["Participation and democracy", "Partecipation and democracy"],
        "health-and-care": ["Health and wellbeing"],
        "cities-and-urban-development": ["Neighbourhood regeneration"],
        "food-environment-and-climate-change": ["Energy and environment"],
    },
    Technology: {
        "ai-and-machine-learning": [
            "Artificial intelligence and machine learning",
            "Artificial intelligence",
        ],
        "blockchain-and-distributed-networks": ["Blockchain"],
        "digital-fabrication-and-3d-printing": ["3d printing", "Digital fabrication"],
        "open-source-technologies": ["Open source"],
    },
    OrganisationSize: {
        "over-1000": ["over-1000 people", "Over 1000"],
    },
}
MAX_KEYWORD = 100  # taggit's Tag.name


class Vocabulary:
    """The terms of one taxonomy model, found by name, slug or old name."""

    def __init__(self, model):
        self.ids = {}
        for pk, name, slug in model.objects.values_list("pk", "name", "slug"):
            self.ids[fold(name)] = pk
            self.ids[slug] = pk
            self.ids[fold(name.removesuffix(" people"))] = pk
        for slug, names in OLD_NAMES.get(model, {}).items():
            if slug in self.ids:
                self.ids.update(dict.fromkeys(map(fold, names), self.ids[slug]))

    def find(self, name):
        folded = fold(name)
        return self.ids.get(folded) or self.ids.get(slugify(folded))

    def match(self, values):
        """(sorted term ids, names matching no term) of the export's `values`."""
        ids, unknown = set(), []
        for name in names_of(values):
            pk = self.find(name)
            if pk:
                ids.add(pk)
            else:
                unknown.append(name)
        return sorted(ids), unknown


class Vocabularies:
    def __init__(self):
        self.areas = Vocabulary(AreaOfImpact)
        self.technologies = Vocabulary(Technology)
        self.focus = Vocabulary(DSIFocus)
        self.types = Vocabulary(OrganisationType)
        self.sizes = Vocabulary(OrganisationSize)
        self.networks = Vocabulary(Network)


def names_of(values):
    """The names in an export list: strings, or objects {id, name}; a single object too."""
    if isinstance(values, dict | str):
        values = [values]
    if not isinstance(values, list):
        return []
    names = []
    for value in values:
        name = value.get("name") if isinstance(value, dict) else value
        name = plain_line(name) if isinstance(name, str) else ""
        if name and not name.isdigit():
            names.append(name)
    return names


def keyword_names(*lists):
    """Free keywords, once each whatever their case, at most taggit's length."""
    seen, names = set(), []
    for values in lists:
        for name in names_of(values):
            name = name[:MAX_KEYWORD].strip()
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
    return names
