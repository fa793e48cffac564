/*
 * Sortable, filterable tables for overview pages such as "Financiering kiezen".
 *
 * A generated page wraps a Markdown table in <div data-kb-table> with:
 *   data-kb-filters  column headers that get a filter menu, separated by "|";
 *                    a cell may hold several values separated by "; "
 *   data-kb-rank     cell values in their natural order for sorting (e.g. geschikt|...|–)
 *   data-kb-noun     what a row is, for the result count ("bekostigingsvormen")
 * Without JavaScript the full table stays readable. The state lives in the address, so a
 * filtered, sorted view can be shared and the back button works. Text only: no markup is ever
 * built from cell contents.
 */
(function () {
  "use strict";

  var SEPARATOR = "; ";
  var EMPTY = "\u2013";

  function slug(text) {
    return text
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  }

  function text(cell) {
    return cell.textContent.replace(/\s+/g, " ").trim();
  }

  function values(cell) {
    return text(cell)
      .split(SEPARATOR)
      .map(function (value) { return value.trim(); })
      .filter(function (value) { return value && value !== EMPTY; });
  }

  function element(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "text") node.textContent = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function enhance(wrapper, index) {
    var table = wrapper.querySelector("table");
    if (!table || !table.tHead || !table.tBodies.length) return;
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, position) { row.dataset.kbPosition = String(position); });
    var rank = (wrapper.dataset.kbRank || "").split("|").filter(Boolean);
    var noun = wrapper.dataset.kbNoun || "rijen";
    var names = headers.map(text);
    var keys = names.map(slug);
    var prefix = index ? "t" + (index + 1) + "-" : "";
    var filterColumns = (wrapper.dataset.kbFilters || "")
      .split("|")
      .map(function (name) { return names.indexOf(name); })
      .filter(function (column) { return column >= 0; });

    var search = element("input", {
      type: "search",
      id: prefix + "kb-table-search",
      class: "kb-table__search md-input",
      autocomplete: "off",
    });
    var controls = [
      element("div", { class: "kb-table__control" }, [
        element("label", { for: search.id, text: "Zoek in de tabel" }),
        search,
      ]),
    ];
    var selects = filterColumns.map(function (column) {
      var seen = {};
      rows.forEach(function (row) {
        values(row.cells[column]).forEach(function (value) { seen[value] = true; });
      });
      var select = element("select", { id: prefix + "kb-filter-" + keys[column] }, [
        element("option", { value: "", text: "Alle" }),
      ]);
      Object.keys(seen)
        .sort(function (a, b) { return a.localeCompare(b, "nl"); })
        .forEach(function (value) {
          select.appendChild(element("option", { value: value, text: value }));
        });
      controls.push(
        element("div", { class: "kb-table__control" }, [
          element("label", { for: select.id, text: names[column] }),
          select,
        ])
      );
      return { column: column, select: select };
    });
    var reset = element("button", {
      type: "button",
      class: "md-button kb-table__reset",
      text: "Filters wissen",
    });
    controls.push(reset);
    var status = element("p", { class: "kb-table__status", role: "status" });
    // Theme scripts may wrap the table later, so both go first in the wrapper, not next to it.
    wrapper.insertBefore(status, wrapper.firstChild);
    wrapper.insertBefore(element("div", { class: "kb-table__controls" }, controls), status);

    var sort = { column: -1, descending: false };
    var buttons = headers.map(function (header, column) {
      var label = names[column];
      var button = element("button", { type: "button", class: "kb-table__sort" }, [
        document.createTextNode(label),
        element("span", { class: "kb-table__arrow", "aria-hidden": "true" }),
      ]);
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", function () {
        var descending = sort.column === column && !sort.descending;
        sort = { column: column, descending: descending };
        apply(true);
      });
      return button;
    });

    function order(value) {
      var position = rank.indexOf(value);
      return position < 0 ? -1 : position;
    }

    function compare(a, b) {
      var x = text(a.cells[sort.column]);
      var y = text(b.cells[sort.column]);
      if ((x === EMPTY) !== (y === EMPTY)) return x === EMPTY ? 1 : -1; // empty cells last
      var result = order(x) >= 0 && order(y) >= 0
        ? order(x) - order(y)
        : x.localeCompare(y, "nl", { numeric: true, sensitivity: "base" });
      if (sort.descending) result = -result;
      return result || Number(a.dataset.kbPosition) - Number(b.dataset.kbPosition);
    }

    function apply(record) {
      var query = search.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var visible = (!query || text(row).toLowerCase().indexOf(query) >= 0) &&
          selects.every(function (filter) {
            return !filter.select.value ||
              values(row.cells[filter.column]).indexOf(filter.select.value) >= 0;
          });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      var sorted = rows.slice();
      if (sort.column >= 0) sorted.sort(compare);
      sorted.forEach(function (row) { body.appendChild(row); });
      headers.forEach(function (header, column) {
        var active = column === sort.column;
        if (active) header.setAttribute("aria-sort", sort.descending ? "descending" : "ascending");
        else header.removeAttribute("aria-sort");
        buttons[column].querySelector(".kb-table__arrow").textContent =
          active ? (sort.descending ? " \u25bc" : " \u25b2") : "";
      });
      status.textContent = shown + " van " + rows.length + " " + noun;
      if (record) save();
    }

    function save() {
      var params = new URLSearchParams(window.location.search);
      params.delete(prefix + "q");
      params.delete(prefix + "sorteer");
      selects.forEach(function (filter) { params.delete(prefix + keys[filter.column]); });
      if (search.value.trim()) params.set(prefix + "q", search.value.trim());
      selects.forEach(function (filter) {
        if (filter.select.value) params.set(prefix + keys[filter.column], filter.select.value);
      });
      if (sort.column >= 0) {
        params.set(prefix + "sorteer", keys[sort.column] + (sort.descending ? "-af" : "-op"));
      }
      var address = window.location.pathname + (params.toString() ? "?" + params : "") +
        window.location.hash;
      if (address !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.pushState(null, "", address);
      }
    }

    function load() {
      var params = new URLSearchParams(window.location.search);
      search.value = params.get(prefix + "q") || "";
      selects.forEach(function (filter) {
        var wanted = params.get(prefix + keys[filter.column]) || "";
        var known = Array.prototype.some.call(filter.select.options, function (option) {
          return option.value === wanted;
        });
        filter.select.value = known ? wanted : "";
      });
      var match = /^(.+)-(op|af)$/.exec(params.get(prefix + "sorteer") || "");
      var column = match ? keys.indexOf(match[1]) : -1;
      sort = { column: column, descending: column >= 0 && match[2] === "af" };
      apply(false);
    }

    var typing = null;
    search.addEventListener("input", function () {
      apply(false);
      window.clearTimeout(typing);
      typing = window.setTimeout(save, 400);
    });
    selects.forEach(function (filter) {
      filter.select.addEventListener("change", function () { apply(true); });
    });
    reset.addEventListener("click", function () {
      search.value = "";
      selects.forEach(function (filter) { filter.select.value = ""; });
      apply(true);
    });
    window.addEventListener("popstate", load);
    load();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-kb-table]"), enhance);
})();
