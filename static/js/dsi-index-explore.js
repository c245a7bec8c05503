// The DSI Index weights explorer: recomputes the ranking in the browser as the theme weights
// move, from the published theme scores, exactly as dsiindex/method.py `reweighted` does:
// weighted geometric mean of the theme scores, rescaled from 0 to 1, competition ranks.
(function () {
  "use strict";
  var form = document.querySelector("[data-dsi-weights]");
  var source = document.getElementById("dsi-index-data");
  if (!form || !source) return;
  var data = JSON.parse(source.textContent);
  var inputs = data.themes.map(function (theme) {
    return form.querySelector('input[name="' + theme.code + '"]');
  });
  var tbody = document.querySelector(".dsi-ranking tbody");
  var rowsBySlug = {};
  Array.prototype.forEach.call(tbody.querySelectorAll("tr[data-city]"), function (row) {
    rowsBySlug[row.getAttribute("data-city")] = row;
  });

  function formatNumber(value, digits) {
    return value.toLocaleString(document.documentElement.lang || undefined, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  }

  function recompute() {
    var weights = inputs.map(function (input) { return Math.max(0, parseFloat(input.value) || 0); });
    var total = weights.reduce(function (a, b) { return a + b; }, 0);
    if (total <= 0) return;
    var shares = weights.map(function (w) { return w / total; });
    var geometric = data.cities.map(function (city) {
      var sum = 0;
      city.scores.forEach(function (score, t) { sum += shares[t] * Math.log(score); });
      return Math.exp(sum);
    });
    var low = Math.min.apply(null, geometric);
    var high = Math.max.apply(null, geometric);
    var index = geometric.map(function (g) { return high === low ? 0.5 : (g - low) / (high - low); });
    var rounded = index.map(function (v) { return Math.round(v * 1e12) / 1e12; });
    var ranked = data.cities.map(function (city, i) {
      var rank = 1;
      rounded.forEach(function (other) { if (other > rounded[i]) rank += 1; });
      return { city: city, score: index[i], rank: rank };
    });
    ranked.sort(function (a, b) {
      if (a.rank !== b.rank) return a.rank - b.rank;
      return a.city.name < b.city.name ? -1 : a.city.name > b.city.name ? 1 : 0;
    });
    ranked.forEach(function (item) {
      var row = rowsBySlug[item.city.slug];
      row.querySelector(".dsi-rank").textContent = item.rank;
      var cell = row.querySelector(".dsi-score");
      cell.textContent = formatNumber(item.score, 3);
      cell.setAttribute("data-score", String(item.score));
      tbody.appendChild(row);
    });
    var params = new URLSearchParams();
    data.themes.forEach(function (theme, t) { params.set(theme.code, inputs[t].value); });
    history.replaceState(null, "", "?" + params.toString());
  }

  inputs.forEach(function (input) {
    input.addEventListener("input", function () {
      var output = form.querySelector('output[for="' + input.id + '"]');
      if (output) output.textContent = input.value;
      recompute();
    });
  });
})();
