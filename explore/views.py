"""The Explore pages: statistics (/explore/), the map and the network, and their data.

Each view reads the address's filter state through explore.kinds and a cached builder; the
pages are the same for every anonymous visitor (core.page_cache).
"""

import json

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from .geo import map_data
from .kinds import MAP_KINDS, chosen_kinds
from .network import network_graph, network_json, split_focus
from .statistics import statistics

CONNECTIONS_PER_PAGE = 50


def public(view):
    view.cache_for_visitors = True  # the same answer for every anonymous visitor
    return view


@public
def index(request):
    return render(request, "explore/index.html", {"stats": statistics()})


@public
def map_page(request):
    kinds = chosen_kinds(request.GET)
    data = map_data(request.GET)
    context = {
        "data": data,
        "kinds": [(kind, data["counts"][kind.key]) for kind in kinds],
        "all_kinds": MAP_KINDS.values(),
        "single_kind": kinds[0] if len(kinds) == 1 else None,
        "query": _without(request.GET, "kind"),
        "kind_labels": json.dumps({key: str(kind.label) for key, kind in MAP_KINDS.items()}),
    }
    return render(request, "explore/map.html", context)


@public
def map_geojson(request):
    return HttpResponse(map_data(request.GET)["geojson"], content_type="application/geo+json")


@public
def network_page(request):
    focus, filters = split_focus(request.GET)
    graph = network_graph(filters)
    component = graph.component_of(focus) if focus else None
    projects = _connected_projects(graph, component)
    page = Paginator(projects, CONNECTIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "summary": graph.summary(),
        "focus": focus,
        "focus_node": graph.nodes.get(focus) if component else None,
        "component_size": len(component) if component else 0,
        "page_obj": page,
        "connections": [(node, [graph.nodes[key] for key in node.neighbours]) for node in page],
        "query": _without(filters, "page"),
    }
    return render(request, "explore/network.html", context)


@public
def network_data(request):
    _focus, filters = split_focus(request.GET)
    return HttpResponse(network_json(filters), content_type="application/json")


def _connected_projects(graph, component):
    """The projects of the table: every project in the graph, or those of the focused part."""
    keys = component if component is not None else graph.nodes
    projects = [graph.nodes[key] for key in keys if graph.nodes[key].kind == "project"]
    return sorted(projects, key=lambda node: (node.name.casefold(), node.key))


def _without(params, *names):
    """`params` urlencoded without `names`."""
    params = params.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()
