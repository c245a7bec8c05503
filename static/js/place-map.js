/*
 * Small Leaflet maps for listing and event pages (progressive enhancement).
 *
 * components/place_map.html renders the place name and coordinates, plus a hidden
 * [data-place-map] element; when Leaflet (static/vendor/leaflet/) and map-base.js have loaded,
 * this shows the element and draws the hub's basemap with a marker on the place.
 */
(function () {
  "use strict";

  var ZOOM = 6;

  function draw(element) {
    var latitude = parseFloat(element.getAttribute("data-lat"));
    var longitude = parseFloat(element.getAttribute("data-lng"));
    if (isNaN(latitude) || isNaN(longitude)) {
      return;
    }
    element.hidden = false;
    var map = window.DsiMap.create(element).setView([latitude, longitude], element.getAttribute("data-tiles") ? 11 : ZOOM);
    window.L.marker([latitude, longitude], {
      alt: element.getAttribute("data-label") || "",
      keyboard: false,
      interactive: false,
    }).addTo(map);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.L || !window.DsiMap) {
      return;
    }
    document.querySelectorAll("[data-place-map]").forEach(draw);
  });
})();
