/*
 * Small Leaflet maps for listing pages (progressive enhancement).
 *
 * components/place_map.html renders the place name and coordinates, plus a hidden
 * [data-place-map] element; when Leaflet (static/vendor/leaflet/) has loaded, this shows the
 * element and draws an OpenStreetMap map with a marker on the place.
 */
(function () {
  "use strict";

  var TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  var ATTRIBUTION =
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
  var ZOOM = 11;

  function draw(element) {
    var latitude = parseFloat(element.getAttribute("data-lat"));
    var longitude = parseFloat(element.getAttribute("data-lng"));
    if (isNaN(latitude) || isNaN(longitude)) {
      return;
    }
    element.hidden = false;
    var map = window.L.map(element, { scrollWheelZoom: false }).setView([latitude, longitude], ZOOM);
    window.L.tileLayer(TILES, { maxZoom: 18, attribution: ATTRIBUTION }).addTo(map);
    window.L.marker([latitude, longitude], {
      alt: element.getAttribute("data-label") || "",
      keyboard: false,
      interactive: false,
    }).addTo(map);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.L) {
      return;
    }
    document.querySelectorAll("[data-place-map]").forEach(draw);
  });
})();
