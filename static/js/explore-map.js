/*
 * The Explore map (/explore/map/): the filtered organisations, projects and upcoming events as
 * clustered markers on the hub's basemap (map-base.js, Leaflet, leaflet.markercluster).
 *
 * [data-explore-map] carries data-geojson (the endpoint with the page's own filter
 * parameters). Popups are built with text nodes, never HTML from the data. When the markers
 * are drawn, the element gets data-marker-count (read by the browser tests).
 */
(function () {
  "use strict";

  var EUROPE = [
    [35, -12],
    [66, 35],
  ];

  function popup(properties, kindLabels) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var kind = document.createElement("p");
    kind.className = "map-popup__kind";
    kind.textContent = kindLabels[properties.kind] || properties.kind;
    var title = document.createElement("p");
    title.className = "map-popup__title";
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.name;
    title.appendChild(link);
    var description = document.createElement("p");
    description.textContent = properties.description || "";
    box.append(kind, title, description);
    return box;
  }

  function markerFor(feature, kindLabels) {
    var coordinates = feature.geometry.coordinates;
    var marker = window.L.marker([coordinates[1], coordinates[0]], {
      alt: feature.properties.name,
      title: feature.properties.name,
    });
    marker.bindPopup(function () {
      return popup(feature.properties, kindLabels);
    });
    return marker;
  }

  function draw(element) {
    var kindLabels = JSON.parse(element.getAttribute("data-kind-labels") || "{}");
    element.hidden = false;
    var map = window.DsiMap.create(element, { scrollWheelZoom: true }).fitBounds(EUROPE);
    var cluster = window.L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false });
    map.addLayer(cluster);
    fetch(element.getAttribute("data-geojson"), { credentials: "same-origin" })
      .then(function (response) {
        return response.json();
      })
      .then(function (collection) {
        var markers = collection.features.map(function (feature) {
          return markerFor(feature, kindLabels);
        });
        cluster.addLayers(markers);
        if (markers.length) {
          map.fitBounds(cluster.getBounds(), { maxZoom: 8, padding: [20, 20] });
        }
        element.setAttribute("data-marker-count", String(markers.length));
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.L || !window.DsiMap || !window.L.markerClusterGroup) {
      return;
    }
    document.querySelectorAll("[data-explore-map]").forEach(draw);
  });
})();
