/* Filter and sort a listing's rows within the page. Without JavaScript the server-made facet
   listings (hazards/<facet>/<value>/) do the filtering; this only adds convenience. */
(function () {
  "use strict";
  function text(cell) {
    var marked = cell.querySelector("[data-sort]");
    return (marked ? marked.getAttribute("data-sort") : cell.textContent).trim();
  }
  function setupSort(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      th.tabIndex = 0;
      th.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = text(a.cells[index]), y = text(b.cells[index]);
          var c = x.localeCompare(y, document.documentElement.lang || "zh", { numeric: true });
          return ascending ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function setupFilter(box) {
    var table = box.querySelector("table");
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var facets = ["town", "domain", "grade", "status", "source"];
    // A listing of several pages: a chosen facet value opens its server-made listing (every
    // matching dossier, with its own count and pages); one page: rows are filtered here.
    var pages = parseInt(box.getAttribute("data-pages") || "1", 10);
    var total = parseInt(box.getAttribute("data-total") || String(rows.length), 10);
    var counters = Array.prototype.slice.call(document.querySelectorAll(".zz-shown, .zz-pager > span"));
    counters.forEach(function (c) { c.setAttribute("data-text", c.textContent); });
    var bar = document.createElement("div");
    bar.className = "zz-filters";
    var selects = {};
    facets.forEach(function (facet) {
      var options = JSON.parse(box.getAttribute("data-options-" + facet) || "null");
      if (!options) {  // no list from the build: the values of this page, sorted
        var seen = {};
        rows.forEach(function (r) { seen[r.getAttribute("data-" + facet) || ""] = true; });
        options = Object.keys(seen).sort().filter(Boolean).map(function (v) { return [v, "", 0]; });
      }
      var label = document.createElement("label");
      label.textContent = box.getAttribute("data-label-" + facet) + " ";
      var select = document.createElement("select");
      select.setAttribute("data-facet", facet);
      var all = document.createElement("option");
      all.value = ""; all.textContent = box.getAttribute("data-filter-all");
      select.appendChild(all);
      options.forEach(function (item) {
        var o = document.createElement("option");
        o.value = item[0]; o.textContent = item[2] ? item[0] + " (" + item[2] + ")" : item[0];
        if (item[1]) { o.setAttribute("data-href", item[1]); }
        select.appendChild(o);
      });
      var current = box.getAttribute("data-current-" + facet);
      if (current) { select.value = current; }
      select.addEventListener("change", function () {
        var chosen = select.options[select.selectedIndex];
        if (pages > 1 && chosen && chosen.getAttribute("data-href")) {
          window.location.href = chosen.getAttribute("data-href");
          return;
        }
        apply();
      });
      selects[facet] = select;
      label.appendChild(select);
      bar.appendChild(label);
    });
    var find = document.createElement("input");
    find.type = "search";
    find.placeholder = box.getAttribute("data-filter-text");
    find.setAttribute("aria-label", box.getAttribute("data-filter-text"));
    find.addEventListener("input", apply);
    bar.appendChild(find);
    box.insertBefore(bar, box.firstChild);
    function apply() {
      var words = find.value.trim().toLowerCase();
      var shown = 0, filtered = !!words;
      rows.forEach(function (r) {
        var show = facets.every(function (f) {
          var want = selects[f].value;
          // On a facet's own listing its value is already applied by the server.
          if (want && want === box.getAttribute("data-current-" + f)) { return true; }
          if (want) { filtered = true; }
          return !want || r.getAttribute("data-" + f) === want;
        });
        if (show && words) { show = r.textContent.toLowerCase().indexOf(words) >= 0; }
        r.hidden = !show;
        if (show) { shown += 1; }
      });
      counters.forEach(function (c) {
        if (!filtered) { c.textContent = c.getAttribute("data-text"); return; }
        var template = box.getAttribute(pages > 1 ? "data-shown-page" : "data-shown-filtered");
        c.textContent = fill(template, { n: shown, total: total, rows: rows.length });
      });
    }
  }
  function init() {
    document.querySelectorAll(".zz-filterable table").forEach(setupSort);
    document.querySelectorAll(".zz-filterable").forEach(setupFilter);
    // A table wider than the page scrolls; keyboard users must be able to reach and scroll it too.
    document.querySelectorAll(".md-typeset table").forEach(function (t) {
      if (t.scrollWidth > t.clientWidth + 1) { t.tabIndex = 0; }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
