/*
 * The Explore network (/explore/network/): the graph JSON built and laid out on the server
 * (explore.network) drawn with sigma.js (WebGL) on a graphology graph.
 *
 * [data-network] carries data-graph (the JSON endpoint with the page's filters) and
 * data-focus (a node key, "org:<slug>" or "project:<slug>", or empty): the focused node's
 * component stays bright, the rest is dimmed. Hovering a node highlights its neighbours;
 * clicking it opens its page. When the graph is drawn the element gets data-drawn and
 * data-node-count (read by the browser tests and bench/network_browser.py). Without WebGL the
 * element stays hidden and the table below the graph is the page.
 */
(function () {
  "use strict";

  var COLOURS = { org: "#0e6a5a", project: "#b54708" };
  var DIMMED = "#d3d9df";
  // Node columns of the JSON: [key, kind, name, url, x, y, component].
  var KEY = 0, KIND = 1, NAME = 2, URL = 3, X = 4, Y = 5, COMPONENT = 6;

  function buildGraph(data) {
    var graph = new window.graphology.Graph({ type: "undirected", multi: false });
    data.nodes.forEach(function (node) {
      graph.addNode(node[KEY], {
        x: node[X],
        y: node[Y],
        label: node[NAME],
        url: node[URL],
        kind: node[KIND],
        component: node[COMPONENT],
        color: COLOURS[node[KIND]],
        size: 2,
      });
    });
    data.edges.forEach(function (edge) {
      if (!graph.hasEdge(edge[0], edge[1])) {
        graph.addEdge(edge[0], edge[1], { color: "#b8c2cc", size: 0.5 });
      }
    });
    graph.forEachNode(function (key, attributes) {
      graph.setNodeAttribute(key, "size", 2 + Math.sqrt(graph.degree(key)) * 1.5);
    });
    return graph;
  }

  function draw(element, data) {
    var graph = buildGraph(data);
    var focus = element.getAttribute("data-focus");
    var focusComponent = focus && graph.hasNode(focus) ? graph.getNodeAttribute(focus, "component") : null;
    var hovered = null;

    function visible(key) {
      if (hovered) {
        return key === hovered || graph.areNeighbors(key, hovered);
      }
      return focusComponent === null || graph.getNodeAttribute(key, "component") === focusComponent;
    }

    element.hidden = false;
    var renderer = new window.Sigma(graph, element, {
      labelRenderedSizeThreshold: 9,
      hideEdgesOnMove: graph.size > 20000,
      nodeReducer: function (key, attributes) {
        if (visible(key)) {
          return key === focus ? Object.assign({}, attributes, { highlighted: true }) : attributes;
        }
        return Object.assign({}, attributes, { color: DIMMED, label: "" });
      },
      edgeReducer: function (key, attributes) {
        var ends = graph.extremities(key);
        return visible(ends[0]) && visible(ends[1]) ? attributes : Object.assign({}, attributes, { hidden: true });
      },
    });
    renderer.on("enterNode", function (event) {
      hovered = event.node;
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on("leaveNode", function () {
      hovered = null;
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on("clickNode", function (event) {
      window.location.assign(graph.getNodeAttribute(event.node, "url"));
    });
    if (focusComponent !== null) {
      var position = renderer.getNodeDisplayData(focus);
      renderer.getCamera().animate({ x: position.x, y: position.y, ratio: 0.4 }, { duration: 0 });
    }
    renderer.once("afterRender", function () {
      element.setAttribute("data-node-count", String(graph.order));
      element.setAttribute("data-drawn", "true");
    });
    renderer.refresh();
  }

  function start(element) {
    fetch(element.getAttribute("data-graph"), { credentials: "same-origin" })
      .then(function (response) {
        return response.json();
      })
      .then(function (data) {
        try {
          draw(element, data);
        } catch (error) {
          element.hidden = true; // no WebGL: the table of connections is the page
          element.setAttribute("data-error", String(error && error.message));
        }
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.graphology || !window.Sigma) {
      return;
    }
    document.querySelectorAll("[data-network]").forEach(start);
  });
})();
