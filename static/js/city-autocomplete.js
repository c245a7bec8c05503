/*
 * City suggestions for listing forms (progressive enhancement).
 *
 * Without JavaScript the city is a plain text field that the server checks against the
 * gazetteer for the chosen country (or, with none chosen, finds the country from the city).
 * With it, typing fills a <datalist> from the places endpoint (/places/?country=ES&q=barc, or
 * any country while none is chosen), and choosing a suggested city sets its country.
 */
(function () {
  "use strict";

  var DELAY_MS = 200;
  var MIN_LENGTH = 2;

  function option(place) {
    var element = document.createElement("option");
    element.value = place.name;
    element.label = place.label;
    return element;
  }

  function enhance(form) {
    var input = form.querySelector("[data-city-input]");
    var country = form.querySelector("select[name='country']");
    var url = form.getAttribute("data-places-url");
    if (!input || !country || !url || !window.fetch) {
      return;
    }
    var list = document.createElement("datalist");
    list.id = input.id + "-suggestions";
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("list", list.id);

    var timer = null;
    var latest = 0;
    var suggested = [];

    function followCity() {
      var value = input.value.trim().toLowerCase();
      var match = suggested.find(function (place) {
        return place.name.toLowerCase() === value;
      });
      if (match && country.value !== match.country) {
        country.value = match.country;
      }
    }

    function suggest() {
      var term = input.value.trim();
      if (term.length < MIN_LENGTH) {
        list.replaceChildren();
        return;
      }
      var request = ++latest;
      var query = new URLSearchParams({ country: country.value, q: term });
      fetch(url + "?" + query.toString(), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : [];
        })
        .then(function (places) {
          if (request === latest) {
            suggested = places;
            list.replaceChildren.apply(list, places.map(option));
            followCity();
          }
        })
        .catch(function () {
          list.replaceChildren();
        });
    }

    input.addEventListener("change", followCity);
    input.addEventListener("input", function () {
      followCity();
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, DELAY_MS);
    });
    country.addEventListener("change", function () {
      list.replaceChildren();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-places-url]").forEach(enhance);
  });
})();
