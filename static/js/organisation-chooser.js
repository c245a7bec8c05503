/*
 * Organisation chooser (progressive enhancement of organisations.chooser).
 *
 * Without JavaScript: chosen organisations are ticked checkboxes and new ones are typed as names,
 * one per line, which the server matches. With it: the text box becomes an ARIA combobox that
 * lists matching published organisations (name and place) from the search endpoint as you type;
 * picking one (click, or arrow keys and Enter) adds a chip with a "Remove" button. Whatever is
 * left typed in the box is still sent as a name for the server to match.
 */
(function () {
  "use strict";

  var DELAY_MS = 200;
  var MIN_LENGTH = 2;
  var counter = 0;

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (content) element.textContent = content;
    return element;
  }

  function removeButton(root, chip, name) {
    var button = text("button", "chooser__remove");
    button.type = "button";
    button.appendChild(text("span", null, "×"));
    button.appendChild(text("span", "visually-hidden", " " + root.dataset.removeLabel + " " + name));
    button.addEventListener("click", function () {
      var input = root.querySelector(".chooser__input");
      chip.remove();
      if (input) input.focus();
    });
    return button;
  }

  function toChip(root, chip) {
    var box = chip.querySelector("input[type=checkbox]");
    var label = chip.querySelector("label");
    if (!box || !box.checked || chip.querySelector(".chooser__remove")) return;
    box.hidden = true;
    chip.appendChild(removeButton(root, chip, label ? label.textContent.trim() : ""));
  }

  function enhance(root) {
    var textarea = root.querySelector("textarea.chooser__add");
    var chosen = root.querySelector(".chooser__chosen");
    var url = root.dataset.searchUrl;
    var name = root.dataset.name;
    var multiple = root.dataset.multiple === "true";
    if (!textarea || !chosen || !url || !window.fetch) return;

    var id = "chooser-" + ++counter;
    var input = document.createElement("input");
    input.type = "text";
    input.id = textarea.id;
    input.className = "chooser__input";
    input.autocomplete = "off";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id + "-list");
    input.value = textarea.value.split("\n")[0] || "";
    var listbox = text("ul", "chooser__listbox");
    listbox.id = id + "-list";
    listbox.setAttribute("role", "listbox");
    listbox.hidden = true;
    var status = text("p", "visually-hidden");
    status.setAttribute("role", "status");

    textarea.hidden = true;
    textarea.removeAttribute("id");
    textarea.insertAdjacentElement("afterend", input);
    input.insertAdjacentElement("afterend", listbox);
    listbox.insertAdjacentElement("afterend", status);
    chosen.querySelectorAll(".chooser__chip").forEach(function (chip) {
      toChip(root, chip);
    });

    var results = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      listbox.hidden = true;
      listbox.replaceChildren();
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = listbox.querySelectorAll("[role=option]");
      options.forEach(function (option, position) {
        option.setAttribute("aria-selected", position === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      }
    }

    function alreadyChosen(pk) {
      return chosen.querySelector("input[value='" + pk + "']:checked") !== null;
    }

    function pick(result) {
      if (!multiple) chosen.replaceChildren();
      if (!alreadyChosen(result.id)) {
        var chip = text("li", "chooser__chip");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.name = name;
        box.value = result.id;
        box.checked = true;
        box.hidden = true;
        var label = text("span", null, result.name);
        if (result.place) label.appendChild(text("span", "chooser__place", " (" + result.place + ")"));
        chip.appendChild(box);
        chip.appendChild(label);
        chip.appendChild(removeButton(root, chip, result.name));
        chosen.appendChild(chip);
      }
      status.textContent = root.dataset.addedLabel + " " + result.name;
      input.value = "";
      close();
      input.focus();
    }

    function show(found) {
      results = found.filter(function (result) {
        return !alreadyChosen(result.id);
      });
      listbox.replaceChildren();
      results.forEach(function (result, index) {
        var option = text("li", "chooser__option", result.name);
        option.id = id + "-option-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        if (result.place) option.appendChild(text("span", "chooser__place", " " + result.place));
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          pick(result);
        });
        listbox.appendChild(option);
      });
      var open = results.length > 0;
      listbox.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      status.textContent = open ? results.length + " " + root.dataset.resultsLabel : "";
      active = -1;
    }

    function suggest() {
      var term = input.value.trim();
      if (term.length < MIN_LENGTH) {
        close();
        return;
      }
      var request = ++latest;
      fetch(url + "?" + new URLSearchParams({ q: term }).toString(), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : [];
        })
        .then(function (found) {
          if (request === latest) show(found);
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && results.length) {
        event.preventDefault();
        if (listbox.hidden) show(results);
        highlight(Math.min(active + 1, results.length - 1));
      } else if (event.key === "ArrowUp" && results.length) {
        event.preventDefault();
        highlight(Math.max(active - 1, 0));
      } else if (event.key === "Enter" && !listbox.hidden && active >= 0) {
        event.preventDefault();
        pick(results[active]);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
    input.form.addEventListener("submit", function () {
      textarea.value = input.value;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-organisation-chooser]").forEach(enhance);
  });
})();
