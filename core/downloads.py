"""Download links for list pages ("download what you see"): the app that offers a kind's rows
as files registers how to link to them, and the shared list templates show the links for the
list's current filters without knowing which app serves them.

`register_downloads("organisations.Organisation", links)` from an app's `AppConfig.ready()`,
where `links(query)` takes the list's GET parameters (a QueryDict, without the page number)
and returns `[{"format": "csv", "label": "CSV", "url": "/…?country=DE"}, …]`.
"""

from django.http import QueryDict

_links = {}


def register_downloads(model_label, links):
    _links[model_label] = links


def download_links(model, query):
    """The links to `model`'s rows as files for the filters in `query`; [] when none is offered."""
    links = _links.get(model._meta.label)
    if links is None:
        return []
    query = query.copy() if query is not None else QueryDict(mutable=True)
    query.pop("page", None)
    return links(query)
