"""The collaboration network: organisations and projects as nodes, participation as edges.

Built on the server from the same filter state as the lists (explore.kinds), in three queries
whatever the data size, laid out here (so the browser only draws) and cached per content
version and address. Only nodes with at least one edge are in the graph.

Figures: a *network* is a connected component with at least two organisations; *networked
organisations* are the organisations in one; a *collaborative project* links two or more
organisations; the *largest component* counts its organisations and projects.
"""

import json
import math
from collections import defaultdict, deque
from dataclasses import dataclass, field

from core.content_version import cached

from .kinds import ORGANISATIONS, PROJECTS, filter_params

ORGANISATION, PROJECT = "org", "project"


@dataclass
class Node:
    key: str  # "org:<slug>" or "project:<slug>", as in ?focus=
    kind: str
    name: str
    url: str
    neighbours: list = field(default_factory=list)
    component: int = 0
    x: float = 0.0
    y: float = 0.0


@dataclass
class Graph:
    nodes: dict  # key -> Node, in a stable order
    edges: list  # (project key, organisation key)
    components: list  # lists of node keys, largest first

    def summary(self):
        networks = [c for c in self.components if _organisations_in(c) >= 2]
        largest = self.components[0] if self.components else []
        return {
            "networks": len(networks),
            "networked_organisations": sum(_organisations_in(c) for c in networks),
            "collaborative_projects": sum(
                1
                for node in self.nodes.values()
                if node.kind == PROJECT and len(node.neighbours) >= 2
            ),
            "largest_component": len(largest),
            "largest_component_organisations": _organisations_in(largest),
            "organisations": sum(1 for n in self.nodes.values() if n.kind == ORGANISATION),
            "projects": sum(1 for n in self.nodes.values() if n.kind == PROJECT),
            "connections": len(self.edges),
        }

    def component_of(self, key):
        """The keys of `key`'s component, or None when it is not in the graph."""
        node = self.nodes.get(key)
        return None if node is None else self.components[node.component]

    def as_json(self):
        """Compact JSON for the browser: nodes as [key, kind, name, url, x, y, component]."""
        nodes = [
            [n.key, n.kind, n.name, n.url, round(n.x, 2), round(n.y, 2), n.component]
            for n in self.nodes.values()
        ]
        payload = {"nodes": nodes, "edges": self.edges, "summary": self.summary()}
        return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def _organisations_in(keys):
    return sum(1 for key in keys if key.startswith(ORGANISATION + ":"))


def split_focus(params):
    """(the node to highlight, the filter parameters): `?focus=org:<slug>` or
    `project:<slug>` names a node, while a plain `?focus=<slug>` is the lists' DSI focus
    filter (term slugs have no colon)."""
    filters = params.copy()
    values = filters.getlist("focus")
    filters.setlist("focus", [value for value in values if ":" not in value])
    nodes = [value for value in values if ":" in value]
    return (nodes[0] if nodes else ""), filters


def network_graph(params):
    """The graph for an address, cached per content version."""
    return cached("explore-network", (filter_params(params),), lambda: _build(params))


def network_json(params):
    """The graph's JSON for the browser, cached apart so the endpoint reads only a string."""
    return cached(
        "explore-network-json", (filter_params(params),), lambda: network_graph(params).as_json()
    )


def _build(params):
    links = PROJECTS.model.organisations.through.objects.filter(
        project__in=PROJECTS.filtered(params).values("pk"),
        organisation__in=ORGANISATIONS.filtered(params).values("pk"),
    )
    nodes = {}
    org_keys = _add_nodes(nodes, ORGANISATIONS, ORGANISATION, links.values("organisation_id"))
    project_keys = _add_nodes(nodes, PROJECTS, PROJECT, links.values("project_id"))
    edges = []
    pairs = links.order_by("project_id", "organisation_id").values_list(
        "project_id", "organisation_id"
    )
    for project, org in pairs:
        source, target = project_keys[project], org_keys[org]
        nodes[source].neighbours.append(target)
        nodes[target].neighbours.append(source)
        edges.append([source, target])
    graph = Graph(nodes=nodes, edges=edges, components=_components(nodes))
    _lay_out(graph)
    return graph


def _add_nodes(nodes, kind, prefix, linked):
    """Adds the published rows of `kind` whose pk is in the subquery `linked` as nodes;
    returns {pk: node key}."""
    url_prefix = kind.detail_url_prefix()
    rows = (
        kind.model.objects.published()
        .filter(pk__in=linked)
        .order_by("name", "pk")
        .values_list("pk", "slug", "name")
    )
    keys = {}
    for pk, slug, name in rows:
        key = f"{prefix}:{slug}"
        nodes[key] = Node(key=key, kind=prefix, name=name, url=f"{url_prefix}{slug}/")
        keys[pk] = key
    return keys


def _components(nodes):
    """Connected components (breadth first), largest first; numbers each node's."""
    seen, components = set(), []
    for key in nodes:
        if key not in seen:
            components.append(_breadth_first(nodes, key, seen))
    components.sort(key=len, reverse=True)
    for number, component in enumerate(components):
        for key in component:
            nodes[key].component = number
    return components


def _breadth_first(nodes, start, seen):
    order, queue = [], deque([start])
    seen.add(start)
    while queue:
        key = queue.popleft()
        order.append(key)
        for neighbour in nodes[key].neighbours:
            if neighbour not in seen:
                seen.add(neighbour)
                queue.append(neighbour)
    return order


def _lay_out(graph):
    """Each component in rings around its best-connected node, components packed in rows,
    largest first: linear in the graph's size, and the browser has nothing left to compute."""
    shelf = _Shelf(width=2.4 * math.sqrt(len(graph.nodes)) + 4)
    for component in graph.components:
        radius = math.sqrt(len(component))
        centre_x, centre_y = shelf.place(radius)
        for key, (x, y) in _rings(graph.nodes, component, radius).items():
            graph.nodes[key].x, graph.nodes[key].y = centre_x + x, centre_y + y


def _rings(nodes, component, radius):
    root = max(component, key=lambda key: (len(nodes[key].neighbours), key))
    depths = _depths(nodes, root)
    rings = defaultdict(list)
    for key in component:  # breadth-first order: children follow their parents around a ring
        rings[depths[key]].append(key)
    deepest = max(rings) or 1
    positions = {}
    for depth, keys in rings.items():
        ring = radius * depth / deepest
        for index, key in enumerate(keys):
            angle = 2 * math.pi * (index + 0.5 * (depth % 2)) / len(keys)
            positions[key] = (ring * math.cos(angle), ring * math.sin(angle))
    return positions


def _depths(nodes, root):
    depths, queue = {root: 0}, deque([root])
    while queue:
        key = queue.popleft()
        for neighbour in nodes[key].neighbours:
            if neighbour not in depths:
                depths[neighbour] = depths[key] + 1
                queue.append(neighbour)
    return depths


class _Shelf:
    """Packs circles left to right in rows of a given width."""

    def __init__(self, width):
        self.width, self.x, self.y, self.row_height = width, 0.0, 0.0, 0.0

    def place(self, radius):
        diameter = 2 * radius + 1
        if self.x and self.x + diameter > self.width:
            self.x, self.y, self.row_height = 0.0, self.y + self.row_height, 0.0
        centre = (self.x + diameter / 2, -(self.y + diameter / 2))
        self.x += diameter
        self.row_height = max(self.row_height, diameter)
        return centre
