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
  function setupFilter(box) {
    var table = box.querySelector("table");
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var facets = ["town", "domain", "grade", "status", "source"];
    var bar = document.createElement("div");
    bar.className = "zz-filters";
    var selects = {};
    facets.forEach(function (facet) {
      var values = {};
      rows.forEach(function (r) { values[r.getAttribute("data-" + facet) || ""] = true; });
      var label = document.createElement("label");
      label.textContent = box.getAttribute("data-label-" + facet) + " ";
      var select = document.createElement("select");
      select.setAttribute("data-facet", facet);
      var all = document.createElement("option");
      all.value = ""; all.textContent = box.getAttribute("data-filter-all");
      select.appendChild(all);
      Object.keys(values).sort().forEach(function (v) {
        if (!v) { return; }
        var o = document.createElement("option"); o.value = v; o.textContent = v; select.appendChild(o);
      });
      select.addEventListener("change", apply);
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
      rows.forEach(function (r) {
        var show = facets.every(function (f) {
          var want = selects[f].value;
          return !want || r.getAttribute("data-" + f) === want;
        });
        if (show && words) { show = r.textContent.toLowerCase().indexOf(words) >= 0; }
        r.hidden = !show;
      });
    }
  }
  function init() {
    document.querySelectorAll(".zz-filterable table").forEach(setupSort);
    document.querySelectorAll(".zz-filterable").forEach(setupFilter);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
