/* 整治评估档案库 — archive search in the browser (no framework, no network outside the site).
 *
 * Loaded on every page (theme/site/overrides/main.html) from <language root>/search-index/search.js,
 * inline on the search page: focuses the search box
 * with "/", and on the search page (search/?q=…&type=…) runs the query against the static
 * index written by generators/search/index.py. The tokeniser below mirrors
 * generators/search/tokens.py exactly — change both together.
 */
(function () {
  "use strict";

  // A file (search-index/search.js), or inline on the search page with data-search-index.
  var script = document.currentScript ||
    document.querySelector('script[src*="search-index/search.js"]');
  var BASE = script.src ? new URL(".", script.src)  // …/search-index/
    : new URL(script.getAttribute("data-search-index"), location.href);
  var ROOT = new URL("..", BASE);                 // the language root
  var LANG = (document.documentElement.lang || "zh").slice(0, 2) === "en" ? "en" : "zh";
  var PAGE = 10;

  var TEXT = {
    zh: {
      placeholder: "搜索档案：名称、隐患、编号、文号", search: "搜索", more: "更多结果",
      found: function (n) { return "找到 " + n + " 个结果"; },
      none: "没有找到结果。", short: "请输入至少两个汉字，或一个英文词或数字。",
      loading: "正在搜索…", failed: "搜索索引无法加载。",
      facets: { campaign: "专项整治", type: "记录类型", town: "区镇", domain: "行业领域",
                year: "年度", grade: "等级", status: "状态" }
    },
    en: {
      placeholder: "Search the archive: names, hazards, IDs, document numbers", search: "Search",
      more: "More results",
      found: function (n) { return n + (n === 1 ? " result" : " results"); },
      none: "No results.", short: "Type at least two Chinese characters, or a word or number.",
      loading: "Searching…", failed: "The search index could not be loaded.",
      facets: { campaign: "Campaign", type: "Record type", town: "Town", domain: "Industry domain",
                year: "Year", grade: "Grade", status: "Status" }
    }
  }[LANG];

  /* ---- tokens: mirror of generators/search/tokens.py ------------------------------ */
  var HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}";
  var LATIN = "0-9a-z\u00c0-\u024f";
  var HAN_CHAR = new RegExp("^[" + HAN + "]$", "u");
  var WORD_CHAR = new RegExp("^[" + HAN + LATIN + "]$", "u");
  var LATIN_CHAR = new RegExp("^[" + LATIN + "]$", "u");
  var OPEN = "〔【[(（［", CLOSE = "〕】])）］";

  function fold(s) { return s.normalize("NFKC").toLowerCase(); }

  function runs(text) {
    var re = new RegExp("([" + HAN + "]+)|([" + LATIN + "]+)", "gu");
    var out = [], m;
    text = fold(text);
    while ((m = re.exec(text)) !== null) out.push({ text: m[0], han: m[1] !== undefined });
    return out;
  }

  function runTokens(run) {
    var chars = Array.from(run.text);
    if (!run.han || chars.length === 1) return [run.text];
    var grams = [];
    for (var i = 0; i < chars.length - 1; i++) grams.push(chars[i] + chars[i + 1]);
    return grams;
  }

  function pair(a, b, sameRun) { return sameRun ? a + Array.from(b)[1] : a + " " + b; }

  function queryKeys(term) {
    var stream = [];
    runs(term).forEach(function (run, n) {
      runTokens(run).forEach(function (t) { stream.push([t, n]); });
    });
    if (stream.length <= 1) return stream.map(function (s) { return s[0]; });
    var out = {};
    for (var i = 0; i < stream.length - 1; i++)
      out[pair(stream[i][0], stream[i + 1][0], stream[i][1] === stream[i + 1][1])] = true;
    return Object.keys(out).sort();
  }

  function searchable(term) {
    var r = runs(term);
    return r.length > 0 && !(r.length === 1 && r[0].han && Array.from(r[0].text).length === 1);
  }

  function queryTerms(q) { return q.trim().split(/\s+/).filter(function (t) { return t && searchable(t); }); }

  function exactKey(v) {
    var s = "";
    Array.from(fold(v)).forEach(function (c) {
      s += OPEN.indexOf(c) >= 0 ? "[" : CLOSE.indexOf(c) >= 0 ? "]" : c;
    });
    return "=" + s.replace(/\s+/g, "");
  }

  function fnv1a(key) {
    var bytes = new TextEncoder().encode(key), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h;
  }

  /* ---- index access -------------------------------------------------------------- */
  var cache = {};
  function getJSON(path) {
    if (!cache[path]) cache[path] = fetch(new URL(path, BASE)).then(function (r) {
      if (r.status === 404) return null;
      if (!r.ok) throw new Error(path + ": " + r.status);
      return r.json();
    });
    return cache[path];
  }

  /* Postings: gaps between document numbers, or a base64 bitmap (bit d = document d). */
  function undelta(deltas) {
    if (typeof deltas === "string") {
      var bytes = atob(deltas), docs = [];
      for (var b = 0; b < bytes.length; b++) {
        var v = bytes.charCodeAt(b);
        for (var bit = 0; v; bit++, v >>= 1) if (v & 1) docs.push(b * 8 + bit);
      }
      return docs;
    }
    var out = new Array(deltas.length), last = 0;
    for (var i = 0; i < deltas.length; i++) { last += deltas[i]; out[i] = last; }
    return out;
  }

  /* Facet columns: one character per document (its place in ALPHABET), or numbers. */
  var ALPHABET = "";
  for (var c = 0x23; c < 0x7f; c++) if (c !== 0x5c) ALPHABET += String.fromCharCode(c);
  function decodeColumns(meta) {
    if (meta.buckets !== BUCKETS) throw new Error("index format: " + meta.buckets + " buckets");
    if (meta.decoded) return meta;
    meta.facets.forEach(function (f) {
      if (typeof f.docs === "string")
        f.docs = Array.from(f.docs, function (ch) { return ALPHABET.indexOf(ch); });
    });
    meta.decoded = true;
    return meta;
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  /* Documents holding every key of every term: ranked exact owners, title, then body.
   * The bucket count is fixed (index.py BUCKETS), so buckets load alongside meta.json, which
   * only facets need. */
  var BUCKETS = 4096;
  var matched = {};
  function match(q) {
    if (!matched[q]) matched[q] = matchNow(q);
    return matched[q];
  }

  function matchNow(q) {
    var terms = queryTerms(q);
    if (!terms.length) return Promise.resolve(null);
    var keyLists = terms.map(queryKeys), exact = exactKey(q);
    var all = [exact], numbers = {};
    keyLists.forEach(function (ks) { all = all.concat(ks); });
    all.forEach(function (k) { numbers[k] = fnv1a(k) % BUCKETS; });
    var wanted = Object.keys(numbers).map(function (k) { return numbers[k]; })
      .filter(function (n, i, a) { return a.indexOf(n) === i; });
    var loads = wanted.map(function (n) { return getJSON("b/" + n + ".json"); });
    return Promise.all(loads).then(function (loaded) {
      var buckets = {};
      wanted.forEach(function (n, i) { buckets[n] = loaded[i] || {}; });
      function postings(k) { return buckets[numbers[k]][k] || [[], []]; }
      var body = null, title = null;
      keyLists.forEach(function (ks) {
        ks.forEach(function (k) {
          var p = postings(k), b = undelta(p[0]), t = undelta(p[1]);
          body = body === null ? b : intersect(body, b);
          title = title === null ? t : intersect(title, t);
        });
      });
      var owners = undelta(postings(exact)[1]);
      var seen = {}, ranked = [];
      [owners, title, body].forEach(function (list) {
        list.forEach(function (d) { if (!seen[d]) { seen[d] = true; ranked.push(d); } });
      });
      var isOwner = {};
      owners.forEach(function (d) { isOwner[d] = true; });
      return { terms: terms, docs: ranked, owners: isOwner };
    });
  }

  function docPath(n) { return "d/" + Math.floor(n / 1000) + "/" + n + ".json"; }
  function getDoc(n) { return getJSON(docPath(n)); }

  /* Does document n really hold the query? Bigram pairs can coincide apart, so its text and
   * title are checked (one pass, which also finds the snippet's matches) — unless it owns the
   * exact ID or its text was cut at indexing. ``flat`` is the text with its spaces collapsed. */
  function verdict(found, n, doc) {
    var flat = doc.x.replace(/\s+/g, " "), r = ranges(flat + "\n" + doc.t, found.terms);
    return {
      ok: !!(found.owners[n] || doc.c || !r.missing), flat: flat,
      list: r.list.filter(function (m) { return m[1] <= flat.length; })
    };
  }

  /* ---- phrase check and snippet ------------------------------------------------------ */
  /* The text's word characters, folded, and where each came from (one entry per UTF-16 unit,
   * so that indexOf positions map back). ASCII and the common Han blocks, which folding leaves
   * as they are (but for A-Z), take the fast path: pages run to 30,000 characters. */
  function skeleton(text) {
    var chars = "", at = new Array(text.length), n = 0;
    for (var i = 0; i < text.length;) {
      var code = text.charCodeAt(i), size = 1;
      if (code < 0x80) {
        if (code >= 0x41 && code <= 0x5a) { chars += String.fromCharCode(code + 32); at[n++] = i; }
        else if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) { chars += text[i]; at[n++] = i; }
      } else if (code >= 0x3400 && code <= 0x9fff && (code <= 0x4dbf || code >= 0x4e00)) {
        chars += text[i]; at[n++] = i;
      } else {
        var point = text.codePointAt(i);
        size = point > 0xffff ? 2 : 1;
        Array.from(fold(String.fromCodePoint(point))).forEach(function (f) {
          if (!WORD_CHAR.test(f)) return;
          chars += f;
          for (var u = 0; u < f.length; u++) at[n++] = i;
        });
      }
      i += size;
    }
    at.length = n;
    return { chars: chars, at: at };
  }

  function ranges(text, terms) {
    var sk = skeleton(text), found = [], missing = false;
    terms.forEach(function (t) {
      var needle = skeleton(t).chars, from = 0, pos, any = false;
      if (!needle) return;
      while ((pos = sk.chars.indexOf(needle, from)) >= 0) {
        var endAt = sk.at[pos + needle.length - 1];
        var endLen = text.codePointAt(endAt) > 0xffff ? 2 : 1;
        from = pos + 1;
        // Latin words match whole words only (lane is not inside planet), as in the index.
        if (LATIN_CHAR.test(needle[0]) && sk.at[pos] > 0 && LATIN_CHAR.test(fold(text[sk.at[pos] - 1]))) continue;
        if (LATIN_CHAR.test(needle[needle.length - 1]) && LATIN_CHAR.test(fold(text.charAt(endAt + endLen)))) continue;
        found.push([sk.at[pos], endAt + endLen]);
        any = true;
        from = pos + needle.length;
      }
      if (!any) missing = true;
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    return { list: found, missing: missing };
  }

  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function marked(text, list, from, to) {
    var html = "", at = from;
    list.forEach(function (r) {
      if (r[0] < at || r[1] > to) return;
      html += esc(text.slice(at, r[0])) + "<mark>" + esc(text.slice(r[0], r[1])) + "</mark>";
      at = r[1];
    });
    return html + esc(text.slice(at, to));
  }

  function snippet(flat, list) {
    var start = list.length ? Math.max(0, list[0][0] - 40) : 0;
    var end = Math.min(flat.length, start + 160);
    return (start > 0 ? "…" : "") + marked(flat, list, start, end) + (end < flat.length ? "…" : "");
  }

  /* ---- facets ------------------------------------------------------------------------ */
  function selection(params, meta) {
    var sel = {};
    meta.facets.forEach(function (f) {
      var chosen = params.getAll(f.name).map(function (v) { return f.values.indexOf(v) + 1; })
        .filter(function (v) { return v > 0; });
      if (chosen.length) sel[f.name] = chosen;
    });
    return sel;
  }

  function passes(meta, sel, d, except) {
    return meta.facets.every(function (f) {
      return f.name === except || !sel[f.name] || sel[f.name].indexOf(f.docs[d]) >= 0;
    });
  }

  function counts(meta, sel, docs) {
    return meta.facets.map(function (f) {
      var c = new Array(f.values.length + 1).fill(0);
      docs.forEach(function (d) { if (passes(meta, sel, d, f.name)) c[f.docs[d]]++; });
      return c;
    });
  }

  /* ---- the search page ---------------------------------------------------------------- */
  var state = window.zzSearchState = { status: "idle" };

  function isSearchPage() {
    var here = location.pathname.replace(/index\.html$/, "");
    return here === new URL("search/", ROOT).pathname;
  }

  function host() {
    var el = document.getElementById("zz-search");
    if (el) {
      // The page's own no-JavaScript form gives way to the one search.js draws.
      document.querySelectorAll("form.zz-search-form").forEach(function (f) { f.hidden = true; });
      return el;
    }
    if (!isSearchPage()) return el;
    el = document.createElement("div");
    el.id = "zz-search";
    var article = document.querySelector("article") || document.querySelector("main") || document.body;
    var h1 = article.querySelector("h1");
    if (h1) h1.insertAdjacentElement("afterend", el); else article.appendChild(el);
    return el;
  }

  function layout(el) {
    el.className = "zz-search";
    el.innerHTML =
      '<form class="zz-search__form" role="search">' +
      '<input class="zz-search__input" type="search" name="q" autocomplete="off" aria-label="' +
      esc(TEXT.search) + '" placeholder="' + esc(TEXT.placeholder) + '">' +
      '<button type="submit">' + esc(TEXT.search) + "</button></form>" +
      '<p class="zz-search__summary" role="status" aria-live="polite"></p>' +
      '<div class="zz-search__body"><div class="zz-search__facets"></div>' +
      '<div class="zz-search__main"><ol class="zz-search__results"></ol>' +
      '<button type="button" class="zz-search__more" hidden>' + esc(TEXT.more) + "</button></div></div>";
    return {
      form: el.querySelector("form"), input: el.querySelector("input"),
      summary: el.querySelector(".zz-search__summary"), facets: el.querySelector(".zz-search__facets"),
      results: el.querySelector(".zz-search__results"), more: el.querySelector(".zz-search__more")
    };
  }

  function renderFacets(ui, found, sel, params) {
    var c = counts(found.meta, sel, found.docs);
    ui.facets.innerHTML = found.meta.facets.map(function (f, i) {
      var rows = f.values.map(function (v, j) {
        var n = c[i][j + 1], on = params.getAll(f.name).indexOf(v) >= 0;
        if (!n && !on) return "";
        return '<li><label><input type="checkbox" name="' + esc(f.name) + '" value="' + esc(v) + '"' +
          (on ? " checked" : "") + "> " + esc(v) + ' <span class="zz-count">' + n + "</span></label></li>";
      }).join("");
      return rows ? '<fieldset class="zz-facet" data-facet="' + esc(f.name) + '"><legend>' +
        esc(TEXT.facets[f.name] || f.name) + "</legend><ul>" + rows + "</ul></fieldset>" : "";
    }).join("");
  }

  /* ``flat`` and ``list``: the document's text and the matches in it, from verdict(). */
  function resultItem(doc, n, terms, flat, list) {
    var meta = [doc.k, doc.w, doc.m, doc.i].filter(Boolean).map(esc).join(" · ");
    return '<li class="zz-result" data-doc="' + n + '"><a class="zz-result__title" href="' +
      esc(new URL(doc.u, ROOT).href) + '">' + marked(doc.t, ranges(doc.t, terms).list, 0, doc.t.length) +
      "</a>" + (meta ? '<div class="zz-result__meta">' + meta + "</div>" : "") +
      '<p class="zz-result__snippet">' + snippet(flat, list) + "</p></li>";
  }

  /* Show the next results, each as soon as it and those ranked above it have loaded; a
   * document that does not hold the query after all (verdict) is dropped. */
  function showMore(ui, found, list, shown) {
    var want = PAGE;
    function step() {
      if (want <= 0 || state.cursor >= list.length) return Promise.resolve();
      var batch = list.slice(state.cursor, state.cursor + want);
      state.cursor += batch.length;
      var loads = batch.map(getDoc);
      var chain = Promise.resolve();
      loads.forEach(function (load, i) {
        chain = chain.then(function () { return load; }).then(function (doc) {
          if (!doc || want <= 0) return;
          var v = verdict(found, batch[i], doc);
          if (!v.ok) { state.dropped++; return; }
          ui.results.insertAdjacentHTML("beforeend", resultItem(doc, batch[i], found.terms, v.flat, v.list));
          if (state.firstResultsMs === undefined) state.firstResultsMs = performance.now();
          shown.push(doc.u);
          want--;
        });
      });
      return chain.then(step);
    }
    return step().then(function () { ui.more.hidden = state.cursor >= list.length; });
  }

  /* Does the URL narrow the results by a facet (anything beside q)? */
  function isNarrowed(params) {
    return Array.from(params.keys()).some(function (k) { return k !== "q"; });
  }

  function run(ui, params) {
    var q = params.get("q") || "";
    ui.input.value = q;
    ui.results.innerHTML = "";
    ui.facets.innerHTML = "";
    ui.more.hidden = true;
    state.status = "searching";
    ui.summary.textContent = q ? TEXT.loading : "";
    if (!q.trim()) { state.status = "done"; state.total = 0; return Promise.resolve(); }
    function loadMeta() { return getJSON("meta.json").then(decodeColumns); }
    // The facet columns (every document's values) are needed first only when the URL narrows
    // the results; otherwise they load after the first results, not competing with them.
    var metaLoad = isNarrowed(params) ? loadMeta() : null;
    return match(q).then(function (found) {
      if (!found) { ui.summary.textContent = TEXT.short; state.status = "done"; state.total = 0; return; }
      return Promise.resolve(metaLoad).then(function (meta) {
        var list = meta ? found.docs.filter(function (d) {
          return passes(meta, selection(params, meta), d, null);
        }) : found.docs;
        state.total = list.length;
        state.shown = [];
        state.cursor = 0;
        state.dropped = 0;
        ui.summary.textContent = list.length ? TEXT.found(list.length) : TEXT.none;
        ui.more.onclick = function () { showMore(ui, found, list, state.shown); };
        var shown = showMore(ui, found, list, state.shown);
        var facets = (metaLoad || shown.then(loadMeta)).then(function (m) {
          found.meta = m;
          renderFacets(ui, found, selection(params, m), params);
        });
        return Promise.all([shown, facets]).then(function () {
          state.status = "done";
          if (state.firstResultsMs === undefined) state.firstResultsMs = performance.now();  // "no results" shown
          if (!state.shown.length) ui.summary.textContent = TEXT.none;
        });
      });
    }).catch(function (err) {
      ui.summary.textContent = TEXT.failed;
      state.status = "error";
      state.error = String(err);
    });
  }

  function paramsFromForm(ui) {
    var p = new URLSearchParams();
    p.set("q", ui.input.value.trim());
    ui.facets.querySelectorAll("input:checked").forEach(function (box) { p.append(box.name, box.value); });
    return p;
  }

  function setURL(p) { history.replaceState(null, "", location.pathname + "?" + p.toString()); }

  function keyboard(ui) {
    ui.input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        var first = ui.results.querySelector("a");
        if (first) { e.preventDefault(); first.focus(); }
      }
    });
    ui.results.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(ui.results.querySelectorAll("a.zz-result__title"));
      var i = links.indexOf(document.activeElement);
      if (i < 0) return;
      if (e.key === "ArrowDown" && i + 1 < links.length) { e.preventDefault(); links[i + 1].focus(); }
      if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? links[i - 1] : ui.input).focus(); }
      if (e.key === "Escape") { e.preventDefault(); ui.input.focus(); }
    });
  }

  function searchPage(el) {
    var ui = layout(el);
    keyboard(ui);
    ui.form.addEventListener("submit", function (e) {
      e.preventDefault();
      var p = new URLSearchParams();
      p.set("q", ui.input.value.trim());     // a new query starts without facets
      setURL(p);
      run(ui, p);
    });
    ui.facets.addEventListener("change", function () {
      var p = paramsFromForm(ui);
      setURL(p);
      run(ui, p);
    });
    var params = new URLSearchParams(location.search);
    run(ui, params).then(function () { if (!params.get("q")) ui.input.focus(); });
  }

  /* "/" focuses the search box on every page. */
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName))) return;
    var box = document.querySelector(".zz-search__input") || document.querySelector(".zz-search-box input");
    if (box) { e.preventDefault(); box.focus(); box.select(); }
  });

  window.zzSearch = {
    queryKeys: queryKeys, exactKey: exactKey, fnv1a: fnv1a, match: match,
    /* Where each term occurs in a text, as [start, end) of the text (what snippets highlight). */
    ranges: ranges,
    /* Every matching page's URL, phrase-checked (for measuring recall; fetches all, 64 at a time). */
    all: function (q) {
      return match(q).then(function (found) {
        if (!found) return [];
        var urls = [], chain = Promise.resolve();
        for (var from = 0; from < found.docs.length; from += 64) (function (part) {
          chain = chain.then(function () { return Promise.all(part.map(getDoc)); }).then(function (docs) {
            docs.forEach(function (doc, i) {
              if (doc && verdict(found, part[i], doc).ok) urls.push(doc.u);
              delete cache[docPath(part[i])];
            });
          });
        })(found.docs.slice(from, from + 64));
        return chain.then(function () { return urls; });
      });
    }
  };

  /* The search page's query starts fetching as soon as this script runs (inline, first in
   * <head>), while the page and Material's bundle are still loading: its buckets, then its
   * first documents. Resolves when those have arrived. */
  function prefetch() {
    var params = new URLSearchParams(location.search), q = params.get("q") || "";
    if (!queryTerms(q).length) return Promise.resolve();
    if (isNarrowed(params)) return getJSON("meta.json").catch(function () {});
    return match(q).then(function (found) {
      if (found) return Promise.all(found.docs.slice(0, PAGE).map(getDoc));
    }).catch(function () {});  // run() reports failures
  }

  var started = false;
  function start() {
    if (started) return;
    var el = host();
    if (!el) return;
    started = true;
    searchPage(el);
  }
  // Results are drawn as soon as their place (#zz-search) has been parsed and their documents
  // have arrived, which is often before the rest of the page has loaded.
  function whenParsed(id, then) {
    if (document.getElementById(id)) return then();
    var watch = new MutationObserver(function () {
      if (document.getElementById(id)) { watch.disconnect(); then(); }
    });
    watch.observe(document, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", function () { watch.disconnect(); });
  }
  if (isSearchPage()) prefetch().then(function () { whenParsed("zz-search", start); });
  if (document.readyState !== "loading") start();
  else document.addEventListener("DOMContentLoaded", start);
})();
