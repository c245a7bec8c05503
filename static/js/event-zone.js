/*
 * The event form's time zone follows the city (progressive enhancement).
 *
 * Without JavaScript the time zone select starts on "The city's time zone" and the server
 * takes the zone of the city it finds in the gazetteer. With it, choosing a city looks the
 * place up (/places/?country=ES&q=Barcelona, which gives each place's zone) and shows its
 * zone in the select, so the times typed above read in the right zone. A zone the person
 * chose by hand is never replaced.
 */
(function () {
  "use strict";

  function exactMatch(places, name) {
    var wanted = name.toLocaleLowerCase();
    return places.find(function (place) {
      return place.name.toLocaleLowerCase() === wanted;
    });
  }

  function enhance(form) {
    var select = form.querySelector("select[data-city-zone]");
    var city = form.querySelector("[data-city-input]");
    var country = form.querySelector("select[name='country']");
    var url = form.getAttribute("data-places-url");
    if (!select || !city || !country || !url || !window.fetch) {
      return;
    }
    var byHand = select.value !== "";
    var latest = 0;
    var note = document.createElement("p");
    note.className = "form-help";
    note.setAttribute("aria-live", "polite");
    select.insertAdjacentElement("afterend", note);

    select.addEventListener("change", function () {
      byHand = select.value !== "";
      note.textContent = "";
    });

    function follow() {
      var name = city.value.split(",")[0].trim();
      if (byHand || !name || !country.value) {
        return;
      }
      var request = ++latest;
      var query = new URLSearchParams({ country: country.value, q: name });
      fetch(url + "?" + query.toString(), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : [];
        })
        .then(function (places) {
          var place = exactMatch(places, name);
          if (request !== latest || byHand || !place) {
            return;
          }
          var option = select.querySelector("option[value='" + CSS.escape(place.timezone) + "']");
          if (option) {
            select.value = place.timezone;
            note.textContent = select.getAttribute("data-city-zone-note")
              .replace("%(zone)s", place.timezone.replace(/_/g, " "))
              .replace("%(city)s", place.name);
          }
        })
        .catch(function () {});
    }

    city.addEventListener("change", follow);
    country.addEventListener("change", follow);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-places-url]").forEach(enhance);
  });
})();
