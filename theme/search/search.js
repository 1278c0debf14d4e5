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
  // What the page is doing, for the tests and the benchmark: status, results shown, and when each
  // step first happened (milliseconds after navigation start), so a slow query says where it lost time.
  var state = window.zzSearchState = { status: "idle", marks: { script: performance.now() } };
  function mark(step) { if (state.marks[step] === undefined) state.marks[step] = performance.now(); }

  // The search page's words, in its language, from the site's one catalogue (generators/words.py,
  // "search.*"): the page carries them as JSON right after this script (main.html), read when
  // first needed. Other pages only need "/" to focus the box.
  var TEXT = null;
  function words() {
    var blob = TEXT || document.getElementById("zz-search-words");
    TEXT = TEXT || (blob ? JSON.parse(blob.textContent) : {});
    return TEXT;
  }
  function say(key, n) { return String(words()[key] || key).replace("{n}", n); }

  /* ---- tokens: mirror of generators/search/tokens.py ------------------------------ */
  var HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}";
  var LATIN = "0-9a-z\u00c0-\u024f";
  var HAN_CHAR = new RegExp("^[" + HAN + "]$", "u");
  var LATIN_CHAR = new RegExp("^[" + LATIN + "]$", "u");
  var OPEN = "〔【[(（［〖", CLOSE = "〕】])）］〗";  // generators/docnumbers.py OPEN, CLOSE
  var NOT_KEY = new RegExp("[^" + HAN + LATIN + "\\[\\]]+", "gu");
  var CITATION = new RegExp("^([" + HAN + "]*?)(?:\\[(\\d{4})\\]|(\\d{4})年)?0*(\\d{1,6})号(文件|文)?$", "u");
  var YEAR = /^(\d{4})年?$/;
  var QUOTED = /["“”「」『』]([^"“”「」『』]*)["“”「」『』]/g;
  var ENGLISH = /^[a-z]+$/;
  var HAN_GAP = new RegExp("(?<=[" + HAN + "])\\s+(?=[" + HAN + "])", "gu");

  function fold(s) { return s.normalize("NFKC").toLowerCase(); }

  /* ---- English stemming: Snowball's english (Porter2) algorithm, a line-by-line port of
   * snowballstemmer's english_stemmer.py (Snowball 3.1.1), the indexer's stemmer. Tested against
   * it on the index's vocabulary (tests/test_search_browser.py). ------------------------- */
  var stem = (function () {
    var cur, cursor, limit, lb, bra, ket, yFound, p1, p2;
    function set(s) { var o = {}; for (var i = 0; i < s.length; i++) o[s[i]] = true; return o; }
    var gAeo = set("aeo"), gV = set("aeiouy"), gVWXY = set("Yaeiouwxy"), gValidLi = set("cdeghkmnrt");
    function among(rows) { return rows.map(function (r) { return { s: r[0], i: r[1], r: r[2] }; }); }
    var a0 = among([["arsen", -1, -1], ["commun", -1, -1], ["emerg", -1, -1], ["gener", -1, -1],
      ["inter", -1, -1], ["later", -1, -1], ["organ", -1, -1], ["past", -1, -1], ["univers", -1, -1]]);
    var a1 = among([["'", -1, 1], ["'s'", 0, 1], ["'s", -1, 1]]);
    var a2 = among([["ied", -1, 2], ["s", -1, 3], ["ies", 1, 2], ["sses", 1, 1], ["ss", 1, -1], ["us", 1, -1]]);
    var a3 = among([["succ", -1, 1], ["proc", -1, 1], ["exc", -1, 1]]);
    var a4 = among([["even", -1, 2], ["cann", -1, 2], ["inn", -1, 2], ["earr", -1, 2], ["herr", -1, 2],
      ["out", -1, 2], ["y", -1, 1]]);
    var a5 = among([["", -1, -1], ["ed", 0, 2], ["eed", 1, 1], ["ing", 0, 3], ["edly", 0, 2], ["eedly", 4, 1],
      ["ingly", 0, 2]]);
    var a6 = among([["", -1, 3], ["bb", 0, 2], ["dd", 0, 2], ["ff", 0, 2], ["gg", 0, 2], ["bl", 0, 1],
      ["mm", 0, 2], ["nn", 0, 2], ["pp", 0, 2], ["rr", 0, 2], ["at", 0, 1], ["tt", 0, 2], ["iz", 0, 1]]);
    var a7 = among([["anci", -1, 3], ["enci", -1, 2], ["ogi", -1, 14], ["li", -1, 16], ["bli", 3, 12],
      ["abli", 4, 4], ["alli", 3, 8], ["fulli", 3, 9], ["lessli", 3, 15], ["ousli", 3, 10], ["entli", 3, 5],
      ["aliti", -1, 8], ["biliti", -1, 12], ["iviti", -1, 11], ["tional", -1, 1], ["ational", 14, 7],
      ["alism", -1, 8], ["ation", -1, 7], ["ization", 17, 6], ["izer", -1, 6], ["ator", -1, 7],
      ["iveness", -1, 11], ["fulness", -1, 9], ["ousness", -1, 10], ["ogist", -1, 13]]);
    var a8 = among([["icate", -1, 4], ["ative", -1, 6], ["alize", -1, 3], ["iciti", -1, 4], ["ical", -1, 4],
      ["tional", -1, 1], ["ational", 5, 2], ["ful", -1, 5], ["ness", -1, 5]]);
    var a9 = among([["ic", -1, 1], ["ance", -1, 1], ["ence", -1, 1], ["able", -1, 1], ["ible", -1, 1],
      ["ate", -1, 1], ["ive", -1, 1], ["ize", -1, 1], ["iti", -1, 1], ["al", -1, 1], ["ism", -1, 1],
      ["ion", -1, 2], ["er", -1, 1], ["ous", -1, 1], ["ant", -1, 1], ["ent", -1, 1], ["ment", 15, 1],
      ["ement", 16, 1]]);
    var a10 = among([["e", -1, 1], ["l", -1, 2]]);
    var a11 = among([["andes", -1, -1], ["atlas", -1, -1], ["bias", -1, -1], ["cosmos", -1, -1],
      ["early", -1, 6], ["gently", -1, 4], ["howe", -1, -1], ["idly", -1, 3], ["news", -1, -1],
      ["only", -1, 7], ["singly", -1, 8], ["skies", -1, 2], ["skis", -1, 1], ["sky", -1, -1], ["ugly", -1, 5]]);
    var as11 = ["ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl"];
    var S2 = [null, "tion", "ence", "ance", "able", "ent", "ize", "ate", "al", "ful", "ous", "ive", "ble", "og",
      null, "less"];
    var S3 = [null, "tion", "ate", "al", "ic"];

    function inG(g) { if (cursor >= limit || !g[cur[cursor]]) return false; cursor++; return true; }
    function goInG(g) { while (cursor < limit) { if (!g[cur[cursor]]) return true; cursor++; } return false; }
    function goOutG(g) { while (cursor < limit) { if (g[cur[cursor]]) return true; cursor++; } return false; }
    function inGB(g) { if (cursor <= lb || !g[cur[cursor - 1]]) return false; cursor--; return true; }
    function outGB(g) { if (cursor <= lb || g[cur[cursor - 1]]) return false; cursor--; return true; }
    function goOutGB(g) { while (cursor > lb) { if (g[cur[cursor - 1]]) return true; cursor--; } return false; }
    function eqSB(s) {
      if (cursor - lb < s.length || cur.slice(cursor - s.length, cursor) !== s) return false;
      cursor -= s.length;
      return true;
    }
    function findAmong(v) {
      var i = 0, j = v.length, c = cursor, l = limit, ci = 0, cj = 0, first = false;
      for (;;) {
        var k = i + ((j - i) >> 1), diff = 0, common = Math.min(ci, cj), w = v[k];
        for (var i2 = common; i2 < w.s.length; i2++) {
          if (c + common === l) { diff = -1; break; }
          diff = cur.charCodeAt(c + common) - w.s.charCodeAt(i2);
          if (diff !== 0) break;
          common++;
        }
        if (diff < 0) { j = k; cj = common; } else { i = k; ci = common; }
        if (j - i <= 1) { if (i > 0 || j === i || first) break; first = true; }
      }
      for (;;) {
        var x = v[i];
        if (ci >= x.s.length) { cursor = c + x.s.length; return x.r; }
        i = x.i;
        if (i < 0) return 0;
      }
    }
    function findAmongB(v) {
      var i = 0, j = v.length, c = cursor, ci = 0, cj = 0, first = false;
      for (;;) {
        var k = i + ((j - i) >> 1), diff = 0, common = Math.min(ci, cj), w = v[k];
        for (var i2 = w.s.length - 1 - common; i2 >= 0; i2--) {
          if (c - common === lb) { diff = -1; break; }
          diff = cur.charCodeAt(c - 1 - common) - w.s.charCodeAt(i2);
          if (diff !== 0) break;
          common++;
        }
        if (diff < 0) { j = k; cj = common; } else { i = k; ci = common; }
        if (j - i <= 1) { if (i > 0 || j === i || first) break; first = true; }
      }
      for (;;) {
        var x = v[i];
        if (ci >= x.s.length) { cursor = c - x.s.length; return x.r; }
        i = x.i;
        if (i < 0) return 0;
      }
    }
    function sliceFrom(s) {
      var adj = s.length - (ket - bra);
      cur = cur.slice(0, bra) + s + cur.slice(ket);
      limit += adj;
      if (cursor >= ket) cursor += adj; else if (cursor > bra) cursor = bra;
      ket = bra + s.length;
    }
    function sliceDel() { sliceFrom(""); }
    function R1() { return p1 <= cursor; }
    function R2() { return p2 <= cursor; }

    function prelude() {
      yFound = false;
      var v1 = cursor;
      lab: { bra = cursor; if (cursor === limit || cur[cursor] !== "'") break lab; cursor++; ket = cursor; sliceDel(); }
      cursor = v1;
      var v2 = cursor;
      lab: { bra = cursor; if (cursor === limit || cur[cursor] !== "y") break lab; cursor++; ket = cursor; sliceFrom("Y"); yFound = true; }
      cursor = v2;
      var v3 = cursor;
      for (;;) {
        var v4 = cursor;
        lab1: {
          for (;;) {
            var v5 = cursor;
            lab2: {
              if (!inG(gV)) break lab2;
              bra = cursor;
              if (cursor === limit || cur[cursor] !== "y") break lab2;
              cursor++; ket = cursor; cursor = v5;
              break;
            }
            cursor = v5;
            if (cursor >= limit) break lab1;
            cursor++;
          }
          sliceFrom("Y"); yFound = true;
          continue;
        }
        cursor = v4;
        break;
      }
      cursor = v3;
    }
    function markRegions() {
      p1 = limit; p2 = limit;
      var v1 = cursor;
      lab0: {
        for (;;) {
          var v2 = cursor;
          if (findAmong(a0) !== 0) break;
          cursor = v2;
          if (!goOutG(gV)) break lab0;
          cursor++;
          if (!goInG(gV)) break lab0;
          cursor++;
          break;
        }
        p1 = cursor;
        if (!goOutG(gV)) break lab0;
        cursor++;
        if (!goInG(gV)) break lab0;
        cursor++;
        p2 = cursor;
      }
      cursor = v1;
    }
    function shortV() {
      var v1 = limit - cursor;
      if (outGB(gVWXY) && inGB(gV) && outGB(gV)) return true;
      cursor = limit - v1;
      if (outGB(gV) && inGB(gV) && !(cursor > lb)) return true;
      cursor = limit - v1;
      return eqSB("past");
    }
    function step1a() {
      var v1 = limit - cursor;
      ket = cursor;
      if (findAmongB(a1) === 0) cursor = limit - v1; else { bra = cursor; sliceDel(); }
      ket = cursor;
      var a = findAmongB(a2);
      if (a === 0) return false;
      bra = cursor;
      if (a === 1) sliceFrom("ss");
      else if (a === 2) {
        var v2 = limit - cursor;
        if (cursor - 2 >= lb) { cursor -= 2; sliceFrom("i"); } else { cursor = limit - v2; sliceFrom("ie"); }
      } else if (a === 3) {
        if (cursor <= lb) return false;
        cursor--;
        if (!goOutGB(gV)) return false;
        cursor--;
        sliceDel();
      }
      return true;
    }
    function step1b() {
      ket = cursor;
      var a = findAmongB(a5);
      bra = cursor;
      for (;;) {
        var v1 = limit - cursor;
        lab0: {
          if (a === 1) {
            var v2 = limit - cursor;
            if (R1()) {
              var v3 = limit - cursor;
              if (!(findAmongB(a3) !== 0 && !(cursor > lb))) { cursor = limit - v3; sliceFrom("ee"); }
            }
            cursor = limit - v2;
          } else if (a === 2) {
            break lab0;
          } else if (a === 3) {
            a = findAmongB(a4);
            if (a === 0) break lab0;
            if (a === 1) {
              var v4 = limit - cursor;
              if (!outGB(gV)) break lab0;
              if (cursor > lb) break lab0;
              cursor = limit - v4;
              bra = cursor;
              sliceFrom("ie");
            } else if (cursor > lb) break lab0;
          }
          break;
        }
        cursor = limit - v1;
        var v5 = limit - cursor;
        if (!goOutGB(gV)) return false;
        cursor--;
        cursor = limit - v5;
        sliceDel();
        ket = cursor; bra = cursor;
        var v6 = limit - cursor;
        a = findAmongB(a6);
        if (a === 1) { sliceFrom("e"); return false; }
        if (a === 2) {
          var v7 = limit - cursor;
          if (inGB(gAeo) && !(cursor > lb)) return false;
          cursor = limit - v7;
        } else {
          if (cursor !== p1) return false;
          var v8 = limit - cursor;
          if (!shortV()) return false;
          cursor = limit - v8;
          sliceFrom("e");
          return false;
        }
        cursor = limit - v6;
        ket = cursor;
        if (cursor <= lb) return false;
        cursor--;
        bra = cursor;
        sliceDel();
        break;
      }
      return true;
    }
    function step1c() {
      ket = cursor;
      if (cursor > lb && cur[cursor - 1] === "y") cursor--;
      else if (cursor > lb && cur[cursor - 1] === "Y") cursor--;
      else return false;
      bra = cursor;
      if (!outGB(gV)) return false;
      if (cursor <= lb) return false;
      sliceFrom("i");
      return true;
    }
    function step2() {
      ket = cursor;
      var a = findAmongB(a7);
      if (a === 0) return false;
      bra = cursor;
      if (!R1()) return false;
      if (a === 14) {
        if (cursor <= lb || cur[cursor - 1] !== "l") return false;
        cursor--;
        sliceFrom("og");
      } else if (a === 16) {
        if (!inGB(gValidLi)) return false;
        sliceDel();
      } else sliceFrom(S2[a]);
      return true;
    }
    function step3() {
      ket = cursor;
      var a = findAmongB(a8);
      if (a === 0) return false;
      bra = cursor;
      if (!R1()) return false;
      if (a <= 4) sliceFrom(S3[a]);
      else if (a === 5) sliceDel();
      else { if (!R2()) return false; sliceDel(); }
      return true;
    }
    function step4() {
      ket = cursor;
      var a = findAmongB(a9);
      if (a === 0) return false;
      bra = cursor;
      if (!R2()) return false;
      if (a === 1) sliceDel();
      else {
        if (cursor > lb && (cur[cursor - 1] === "s" || cur[cursor - 1] === "t")) cursor--;
        else return false;
        sliceDel();
      }
      return true;
    }
    function step5() {
      ket = cursor;
      var a = findAmongB(a10);
      if (a === 0) return false;
      bra = cursor;
      if (a === 1) {
        if (!R2()) {
          if (!R1()) return false;
          var v1 = limit - cursor;
          if (shortV()) return false;
          cursor = limit - v1;
        }
        sliceDel();
      } else {
        if (!R2()) return false;
        if (cursor <= lb || cur[cursor - 1] !== "l") return false;
        cursor--;
        sliceDel();
      }
      return true;
    }
    function exception1() {
      bra = cursor;
      var a = findAmong(a11);
      if (a === 0) return false;
      ket = cursor;
      if (cursor < limit) return false;
      if (a > 0) sliceFrom(as11[a - 1]);
      return true;
    }
    function postlude() {
      if (!yFound) return;
      for (;;) {
        var v1 = cursor, found = false;
        for (;;) {
          var v2 = cursor;
          bra = cursor;
          if (cursor !== limit && cur[cursor] === "Y") { cursor++; ket = cursor; cursor = v2; found = true; break; }
          cursor = v2;
          if (cursor >= limit) break;
          cursor++;
        }
        if (!found) { cursor = v1; break; }
        sliceFrom("y");
      }
    }
    return function (word) {
      cur = word; cursor = 0; limit = word.length; lb = 0; bra = 0; ket = limit;
      if (exception1()) return cur;
      cursor = 0;
      if (limit < 3) return cur;
      prelude();
      markRegions();
      lb = cursor; cursor = limit;
      [step1a, step1b, step1c, step2, step3, step4, step5].forEach(function (step) {
        var v = limit - cursor;
        step();
        cursor = limit - v;
      });
      cursor = lb;
      postlude();
      return cur;
    };
  })();

  var stems = new Map();
  function stemWord(w) {
    if (!ENGLISH.test(w)) return w;
    var s = stems.get(w);
    if (s === undefined) { s = stem(w); stems.set(w, s); }
    return s;
  }

  function runs(text) {
    var re = new RegExp("([" + HAN + "]+)|([" + LATIN + "]+)", "gu");
    var out = [], m;
    text = fold(text);
    while ((m = re.exec(text)) !== null) out.push({ text: m[0], han: m[1] !== undefined });
    return out;
  }

  function runTokens(run) {
    var chars = Array.from(run.text);
    if (!run.han) return [stemWord(run.text)];
    if (chars.length === 1) return [run.text];
    var grams = [];
    for (var i = 0; i < chars.length - 1; i++) grams.push(chars[i] + chars[i + 1]);
    return grams;
  }

  function pair(a, b, sameRun) { return sameRun ? a + Array.from(b)[1] : a + " " + b; }

  function singleHan(term) {
    var r = runs(term);
    return r.length === 1 && r[0].han && Array.from(r[0].text).length === 1;
  }

  function queryKeys(term) {
    if (singleHan(term)) return ["^" + runs(term)[0].text];
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

  function searchable(term) { return runs(term).length > 0; }

  /* Words split at whitespace; a quoted phrase ("fire watch", “消防 通道”) is one term. */
  function queryTerms(q) {
    var phrases = [], m;
    QUOTED.lastIndex = 0;
    while ((m = QUOTED.exec(q)) !== null) phrases.push(m[1].trim().replace(HAN_GAP, ""));
    var rest = q.replace(QUOTED, " ").trim().split(/\s+/);
    return phrases.concat(rest).filter(function (t) { return t && searchable(t); });
  }

  function brackets(s) {
    return Array.from(s, function (c) {
      return OPEN.indexOf(c) >= 0 ? "[" : CLOSE.indexOf(c) >= 0 ? "]" : c;
    }).join("");
  }

  /* An ID, document number or name: HZ 2021 0042, ｈｚ－２０２１－００４２ and HZ-2021-0042 are one. */
  function exactKey(v) { return "=" + brackets(fold(v)).replace(NOT_KEY, ""); }

  /* The document number a query names in any usual spelling (tokens.citation), or null:
   * its key and the terms that pages citing it hold. */
  function citation(q) {
    var parts = brackets(fold(q)).trim().split(/\s+/), year = "";
    if (parts.length > 1) {
      var years = parts.filter(function (p) { return YEAR.test(p); });
      if (years.length === 1) { year = YEAR.exec(years[0])[1]; parts.splice(parts.indexOf(years[0]), 1); }
    }
    var m = CITATION.exec(parts.join("").replace(NOT_KEY, ""));
    if (!m) return null;
    var issuer = m[1], number = m[4], wen = m[5];
    if ((m[2] || m[3]) && year) return null;
    year = m[2] || m[3] || year;
    if (!(year || wen)) return null;
    return {
      key: "=" + issuer + (year ? "[" + year + "]" : "") + number + "号",
      terms: year ? [issuer + "〔" + year + "〕" + number + "号"] : issuer ? [issuer, number + "号"] : [number + "号"]
    };
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
  var NOWHERE = 4;  // index.py: grades are more-class * (NOWHERE + 1) + sooner-class
  /* The grade the character at ``j`` stands for: its place in ALPHABET (0x23-0x7e without "\\"). */
  function gradeOf(g, j) { var c = g.charCodeAt(j); return c - 0x23 - (c > 0x5c ? 1 : 0); }
  var matched = {};
  function match(q) {
    if (!matched[q]) matched[q] = matchNow(q);
    return matched[q];
  }

  function matchNow(q) {
    var cite = citation(q), terms = cite ? cite.terms : queryTerms(q);
    if (!terms.length) return Promise.resolve(null);
    var exact = cite ? cite.key : exactKey(q);
    // Several words may be one ID typed with spaces (HZ 2021 0042) or run together (HZ2021 0042):
    // when the whole query is someone's exact key, it is searched as one phrase — as typed, or
    // with letters and digits apart, whichever more pages hold.
    var wholes = [];
    if (!cite && !QUOTED.test(q)) {
      var typed = q.trim(), apart = fold(typed).replace(/([a-z])(?=[0-9])|([0-9])(?=[a-z])/g, "$1$2 ");
      if (terms.length > 1) wholes.push(typed);
      if (apart !== fold(typed)) wholes.push(apart);
    }
    QUOTED.lastIndex = 0;
    var keyLists = terms.map(queryKeys), phraseKeys = wholes.map(queryKeys);
    var all = [exact], numbers = {};
    keyLists.concat(phraseKeys).forEach(function (ks) { all = all.concat(ks); });
    all.forEach(function (k) { numbers[k] = fnv1a(k) % BUCKETS; });
    var wanted = Object.keys(numbers).map(function (k) { return numbers[k]; })
      .filter(function (n, i, a) { return a.indexOf(n) === i; });
    var loads = wanted.map(function (n) { return getJSON("b/" + n + ".json"); });
    return Promise.all([getJSON("rank.json")].concat(loads)).then(function (loaded) {
      mark("buckets");
      var rank = loaded.shift() || { secondary: Infinity, classes: [] }, buckets = {};
      wanted.forEach(function (n, i) { buckets[n] = loaded[i] || {}; });
      function postings(k) { return buckets[numbers[k]][k] || [[], []]; }
      var owners = undelta(postings(exact)[1]), isOwner = {};
      owners.forEach(function (d) { isOwner[d] = true; });
      if (wholes.length && owners.length) {
        var most = -1;
        phraseKeys.forEach(function (ks, i) {
          var docs = ks.reduce(function (acc, k) {
            var b = undelta(postings(k)[0]);
            return acc === null ? b : intersect(acc, b);
          }, null) || [];
          if (docs.length > most) { most = docs.length; terms = [wholes[i]]; keyLists = [ks]; }
        });
      }
      var body = null, title = null, unknown = [], score = new Int32Array(rank.documents || 0);
      keyLists.forEach(function (ks, i) {
        var own = null, more = new Uint8Array(score.length).fill(255), sooner = new Uint8Array(score.length);
        ks.forEach(function (k) {
          var p = postings(k), b = undelta(p[0]), t = undelta(p[1]);
          own = own === null ? b : intersect(own, b);
          title = title === null ? t : intersect(title, t);
          // A term is said as often as its least frequent key, and no earlier than its latest.
          // One grade per document, or one for all (index.py encode_grades).
          var g = p[2] || ALPHABET[NOWHERE], same = g.length === 1 ? gradeOf(g, 0) : -1;
          for (var j = 0; j < b.length; j++) {
            var v = same >= 0 ? same : gradeOf(g, j), m = (v / (NOWHERE + 1)) | 0, s = v % (NOWHERE + 1), d = b[j];
            if (m < more[d]) more[d] = m;
            if (s > sooner[d]) sooner[d] = s;
          }
        });
        body = body === null ? own : intersect(body, own);
        if (!own || !own.length) unknown.push(terms[i]);  // this term alone finds nothing
        own.forEach(function (d) { score[d] += more[d] + NOWHERE - sooner[d]; });
      });
      // Ranked: the pages the query names exactly (in document order), then title matches, then
      // text matches; within a tier by rank class (index.py numbers documents in rank order:
      // named things, records, other pages) — in the text tier named things and records together
      // — then by how much and how early the text holds the query (score), then document order.
      // Pages about the archive (review, coverage) after all others.
      function rankClass(d) { var c = 0; while (c < rank.classes.length && d >= rank.classes[c]) c++; return c; }
      function tier(list, group) {
        return list.slice().sort(function (a, b) {
          return group(a) - group(b) || score[b] - score[a] || a - b;
        });
      }
      var seen = {}, ranked = [], later = [];
      [owners, tier(title, rankClass), tier(body, function (d) { return rankClass(d) < 2 ? 0 : 1; })]
        .forEach(function (list) {
          list.forEach(function (d) {
            if (seen[d]) return;
            seen[d] = true;
            (d >= rank.secondary && !isOwner[d] ? later : ranked).push(d);
          });
        });
      ranked = ranked.concat(later);
      mark("ranked");
      return { terms: terms, docs: ranked, owners: isOwner, unknown: unknown };
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
      list: r.list.filter(function (m) { return m[1] <= flat.length; }),
      body: doc.s ? doc.x.slice(0, doc.s).replace(/\s+/g, " ").length : 0
    };
  }

  /* ---- phrase check and snippet ------------------------------------------------------ */
  /* The text as the index sees it: Han characters one by one (as code points) and Latin words
   * (stemmed strings), each
   * with where it stands in the text as written ([start, end) in UTF-16 units). ASCII and the
   * common Han blocks, which folding leaves as they are (but for A-Z), take the fast path:
   * pages run to 30,000 characters. */
  function units(text) {
    var keys = [], starts = [], ends = [], word = "", from = 0, to = 0;
    function flush() {
      if (!word) return;
      keys.push(stemWord(word)); starts.push(from); ends.push(to);
      word = "";
    }
    function latin(ch, at, end) { if (!word) from = at; word += ch; to = end; }
    for (var i = 0; i < text.length;) {
      var code = text.charCodeAt(i), size = 1;
      if (code < 0x80) {
        if (code >= 0x41 && code <= 0x5a) latin(String.fromCharCode(code + 32), i, i + 1);
        else if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) latin(text[i], i, i + 1);
        else flush();
      } else if (code >= 0x3400 && code <= 0x9fff && (code <= 0x4dbf || code >= 0x4e00)) {
        flush(); keys.push(code); starts.push(i); ends.push(i + 1);  // Han by code point: no string made
      } else if ((code >= 0x2000 && code <= 0x206f) || (code >= 0x3000 && code <= 0x303f && code !== 0x3007) ||
                 (code >= 0xff00 && code <= 0xff0f) || (code >= 0xff1a && code <= 0xff20)) {
        flush();  // punctuation and spaces, CJK and general: never part of a word, whatever folding does
      } else {
        var point = text.codePointAt(i);
        size = point > 0xffff ? 2 : 1;
        Array.from(fold(String.fromCodePoint(point))).forEach(function (f) {
          if (LATIN_CHAR.test(f)) latin(f, i, i + size);
          else if (HAN_CHAR.test(f)) { flush(); keys.push(f.codePointAt(0)); starts.push(i); ends.push(i + size); }
          else flush();
        });
      }
      i += size;
    }
    flush();
    return { keys: keys, starts: starts, ends: ends };
  }

  /* Where each term occurs in the text, in a row, whole words: [start, end, term number]. */
  function ranges(text, terms) {
    var u = units(text), found = [], missing = false;
    terms.forEach(function (t, n) {
      var needle = units(t).keys, any = false, len = needle.length;
      if (!len) return;
      for (var i = 0; i + len <= u.keys.length; i++) {
        if (u.keys[i] !== needle[0]) continue;
        var j = 1;
        while (j < len && u.keys[i + j] === needle[j]) j++;
        if (j < len) continue;
        found.push([u.starts[i], u.ends[i + len - 1], n]);
        any = true;
        i += len - 1;
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

  /* The passage that shows why the page matched: the window holding the most different query
   * terms (then the most matches), after the metadata header (``body``) unless only the header
   * holds them. */
  var SNIPPET = 160;
  function bestWindow(list, body) {
    var best = null, bestScore = -1;
    list.forEach(function (m, i) {
      var seen = {}, distinct = 0, count = 0;
      for (var j = i; j < list.length && list[j][1] <= m[0] + SNIPPET - 40; j++) {
        if (!seen[list[j][2]]) { seen[list[j][2]] = true; distinct++; }
        count++;
      }
      var score = (m[0] >= body ? 1e6 : 0) + distinct * 1000 + Math.min(count, 999);
      if (score > bestScore) { bestScore = score; best = m; }
    });
    return best;
  }

  function snippet(flat, list, body) {
    var best = bestWindow(list, body || 0);
    body = Math.min(body || 0, flat.length);
    var start = best && best[0] >= body ? Math.max(body, best[0] - 40) : body;
    var end = Math.min(flat.length, start + SNIPPET);
    return (start > 0 ? "…" : "") + marked(flat, list, start, end) + (end < flat.length ? "…" : "");
  }

  /* ---- "did you mean": words of the index's own pages (generators/search/suggest.py) ---- */
  var SUGGEST_FILES = 512;

  /* Edit distance with transpositions (optimal string alignment), given up above ``max``. */
  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], row;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var least = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        var v = Math.min(prev[k] + 1, row[k - 1] + 1, prev[k - 1] + cost);
        if (prev2 && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) v = Math.min(v, prev2[k - 2] + 1);
        row.push(v);
        least = Math.min(least, v);
      }
      if (least > max) return max + 1;
      prev2 = prev; prev = row;
    }
    return prev[b.length];
  }

  function differences(a, b) {
    var n = 0;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
    return n;
  }

  /* The likeliest word the term was meant to be, or null: Chinese terms of the same length that
   * differ in one character, English words within edit distance 2 (1 up to four letters); the
   * most frequent wins among the closest. */
  function suggestTerm(term) {
    var word = fold(term), chars = Array.from(word), keys, han = chars.every(function (c) { return HAN_CHAR.test(c); });
    if (han && chars.length >= 2) keys = ["0" + chars.length + chars[0], "1" + chars.length + chars[1]];
    else if (ENGLISH.test(word) && word.length >= 3) keys = ["a" + word[0], "b" + word[1]];
    else return Promise.resolve(null);
    var max = han ? 1 : word.length <= 4 ? 1 : 2;
    return Promise.all(keys.map(function (k) {
      return getJSON("s/" + fnv1a(k) % SUGGEST_FILES + ".json").then(function (e) { return (e && e[k]) || []; });
    })).then(function (lists) {
      var best = null, bestScore = Infinity;
      lists.forEach(function (list) {
        list.forEach(function (w, rank) {
          if (w === word) return;
          var d = han ? differences(Array.from(w), chars) : editDistance(w, word, max);
          if (d > max) return;
          var score = d * 1e6 + rank;
          if (score < bestScore) { bestScore = score; best = w; }
        });
      });
      return best;
    }).catch(function () { return null; });
  }

  /* Suggestions for the terms that found nothing themselves: the query with them replaced. */
  function suggestQuery(q, terms) {
    return Promise.all(terms.map(suggestTerm)).then(function (words) {
      var fixed = q, changed = false;
      terms.forEach(function (t, i) {
        if (!words[i]) return;
        fixed = fixed.split(t).join(words[i]);
        changed = true;
      });
      return changed ? fixed : null;
    });
  }

  function helpHTML(q, suggestion) {
    var html = "";
    if (suggestion) {
      var p = new URLSearchParams();
      p.set("q", suggestion);
      html += '<p class="zz-search__didyoumean">' + esc(say("didYouMean")) + ' <a href="?' + esc(p.toString()) + '">' +
        esc(suggestion) + "</a></p>";
    }
    return html + '<p class="zz-search__hint">' + esc(say("hint")) + "</p>";
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
      esc(say("search")) + '" placeholder="' + esc(say("placeholder")) + '">' +
      '<button type="submit">' + esc(say("search")) + "</button></form>" +
      '<p class="zz-search__summary" role="status" aria-live="polite"></p><div class="zz-search__help" hidden></div>' +
      '<div class="zz-search__body"><div class="zz-search__facets"></div>' +
      '<div class="zz-search__main"><ol class="zz-search__results"></ol>' +
      '<button type="button" class="zz-search__more" hidden>' + esc(say("more")) + "</button></div></div>";
    return {
      form: el.querySelector("form"), input: el.querySelector("input"),
      summary: el.querySelector(".zz-search__summary"), help: el.querySelector(".zz-search__help"),
      facets: el.querySelector(".zz-search__facets"),
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
        esc(words()["facet." + f.name] || f.name) + "</legend><ul>" + rows + "</ul></fieldset>" : "";
    }).join("");
  }

  /* ``v``: the document's text and the matches in it, from verdict(). */
  function resultItem(doc, n, terms, v) {
    var meta = [doc.k, doc.w, doc.m, doc.i].filter(Boolean).map(esc).join(" · ");
    return '<li class="zz-result" data-doc="' + n + '"><a class="zz-result__title" href="' +
      esc(new URL(doc.u, ROOT).href) + '">' + marked(doc.t, ranges(doc.t, terms).list, 0, doc.t.length) +
      "</a>" + (doc.v ? ' <span class="zz-status zz-status-superseded">' + esc(say("superseded")) + "</span>" : "") +
      (meta ? '<div class="zz-result__meta">' + meta + "</div>" : "") +
      '<p class="zz-result__snippet">' + snippet(v.flat, v.list, v.body) + "</p></li>";
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
          ui.results.insertAdjacentHTML("beforeend", resultItem(doc, batch[i], found.terms, v));
          if (state.firstResultsMs === undefined) state.firstResultsMs = performance.now();
          mark("first");
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
    ui.help.hidden = true;
    state.suggestion = null;
    state.status = "searching";
    ui.summary.textContent = q ? say("loading") : "";
    if (!q.trim()) { state.status = "done"; state.total = 0; return Promise.resolve(); }
    function loadMeta() { return getJSON("meta.json").then(decodeColumns); }
    // The facet columns (every document's values) are needed first only when the URL narrows
    // the results; otherwise they load after the first results, not competing with them.
    var metaLoad = isNarrowed(params) ? loadMeta() : null;
    return match(q).then(function (found) {
      if (!found) {
        ui.summary.textContent = say("short");
        showHelp(ui, q, null);
        state.status = "done"; state.total = 0;
        return;
      }
      return Promise.resolve(metaLoad).then(function (meta) {
        var list = meta ? found.docs.filter(function (d) {
          return passes(meta, selection(params, meta), d, null);
        }) : found.docs;
        state.total = list.length;
        state.shown = [];
        state.cursor = 0;
        state.dropped = 0;
        ui.summary.textContent = list.length ? say(list.length === 1 ? "found_one" : "found", list.length) : say("none");
        ui.more.onclick = function () { showMore(ui, found, list, state.shown); };
        var shown = showMore(ui, found, list, state.shown);
        var facets = (metaLoad || shown.then(loadMeta)).then(function (m) {
          found.meta = m;
          renderFacets(ui, found, selection(params, m), params);
        });
        var help = shown.then(function () {
          if (state.shown.length) return;
          ui.summary.textContent = say("none");
          return suggestQuery(q, found.unknown).then(function (suggestion) {
            showHelp(ui, q, suggestion);
            // The answer is on the page (no results, what was meant): the facets do not matter.
            if (state.firstResultsMs === undefined) state.firstResultsMs = performance.now();
            mark("first");
          });
        });
        return Promise.all([help, facets]).then(function () {
          state.status = "done";
          if (state.firstResultsMs === undefined) state.firstResultsMs = performance.now();  // "no results" shown
        });
      });
    }).catch(function (err) {
      ui.summary.textContent = say("failed");
      state.status = "error";
      state.error = String(err);
    });
  }

  /* Nothing found: what the query may have meant, and what a query can be. */
  function showHelp(ui, q, suggestion) {
    state.suggestion = suggestion;
    ui.help.innerHTML = helpHTML(q, suggestion);
    ui.help.hidden = false;
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
    queryKeys: queryKeys, queryTerms: queryTerms, exactKey: exactKey, citation: citation, stem: stemWord,
    fnv1a: fnv1a, match: match,
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
      if (!found) return;
      // Nothing found: the words for "did you mean" are what the page will show.
      if (!found.docs.length) return suggestQuery(q, found.unknown);
      return Promise.all(found.docs.slice(0, PAGE).map(getDoc)).then(function () { mark("docs"); });
    }).catch(function () {});  // run() reports failures
  }

  var started = false;
  function start() {
    if (started) return;
    var el = host();
    if (!el) return;
    started = true;
    mark("parsed");
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
