/*
 * What every map of the hub is drawn on (progressive enhancement, needs Leaflet).
 *
 * The element carries the attributes of core's {% map_base_attributes %}: data-basemap (the
 * vendored Natural Earth country outlines, GeoJSON, same origin) and, only when the site sets
 * MAP_TILE_URL, data-tiles and data-tiles-attribution. No third-party request otherwise.
 */
(function () {
  "use strict";

  var COUNTRY_STYLE = {
    color: "#7b8794",
    weight: 0.8,
    fillColor: "#f4f1ea",
    fillOpacity: 1,
    interactive: false,
  };
  var basemaps = {};

  function countries(url) {
    if (!basemaps[url]) {
      basemaps[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        return response.json();
      });
    }
    return basemaps[url];
  }

  function create(element, options) {
    element.classList.add("map-base");
    var map = window.L.map(element, Object.assign({ scrollWheelZoom: false, worldCopyJump: true, minZoom: 2, maxZoom: 18 }, options || {}));
    var tiles = element.getAttribute("data-tiles");
    if (tiles) {
      window.L.tileLayer(tiles, {
        maxZoom: 18,
        attribution: element.getAttribute("data-tiles-attribution") || "",
      }).addTo(map);
    } else {
      var basemap = element.getAttribute("data-basemap");
      map.attributionControl.addAttribution("Natural Earth");
      countries(basemap).then(function (collection) {
        window.L.geoJSON(collection, { style: COUNTRY_STYLE }).addTo(map).bringToBack();
      });
    }
    return map;
  }

  window.DsiMap = { create: create };
})();
