// Faceted lists: on narrow screens the facets start folded behind "Filters (n)" (without
// JavaScript they stay open, so nothing is hidden); on wide screens they are always open.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48rem)");

  function fold(root) {
    root.querySelectorAll("details[data-facets]").forEach(function (details) {
      if (wide.matches) {
        details.open = true;
      } else if (!details.hasAttribute("data-touched")) {
        details.open = false;
      }
    });
  }

  function init() {
    fold(document);
    document.addEventListener("toggle", function (event) {
      if (event.target.matches && event.target.matches("details[data-facets]")) {
        event.target.setAttribute("data-touched", "");
      }
    }, true);
    // After htmx swaps the results and facets, keep the folding the visitor chose.
    document.body.addEventListener("htmx:beforeSwap", function () {
      var details = document.querySelector("details[data-facets]");
      window.__facetsOpen = details ? details.open : null;
    });
    document.body.addEventListener("htmx:afterSwap", function () {
      var details = document.querySelector("details[data-facets]");
      if (details && window.__facetsOpen !== null && !wide.matches) {
        details.open = window.__facetsOpen;
      }
    });
    wide.addEventListener("change", function () { fold(document); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
