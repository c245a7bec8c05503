/*
 * City suggestions for listing forms (progressive enhancement).
 *
 * Without JavaScript the city is a plain text field that the server checks against the
 * gazetteer for the chosen country. With it, typing fills a <datalist> from the places
 * endpoint (/places/?country=ES&q=barc), so the browser offers matching cities.
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

    function suggest() {
      var term = input.value.trim();
      if (term.length < MIN_LENGTH || !country.value) {
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
            list.replaceChildren.apply(list, places.map(option));
          }
        })
        .catch(function () {
          list.replaceChildren();
        });
    }

    input.addEventListener("input", function () {
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
