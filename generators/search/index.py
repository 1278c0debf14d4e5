"""The static, sharded search index of one language of a built site.

``build_index(site_dir, lang)`` writes ``<language root>/search-index/``:

- ``meta.json`` — bucket count, document count and the facet columns (per document and
  facet one character of COLUMN_ALPHABET, its position: 0 = none, i = values[i-1]); the
  browser computes facet counts over the matched set from it;
- ``b/<n>.json`` — postings bucket n (FNV-1a 32 of the key's UTF-8, modulo the bucket
  count): ``{key: [body documents, title documents]}``, each a list of gaps between document
  numbers or, when shorter, a base64 bitmap; a query fetches only the buckets of its keys;
- ``d/<n // 1000>/<n>.json`` — document n: url, title, type label, town, domain, record ID,
  text (for the snippet and the phrase check) and where it starts after the metadata header;
  fetched only for the results shown. Documents are numbered in rank order (pages.rank_class);
- ``rank.json`` — the number of the first page about the archive (review, coverage), ranked last;
- ``search.js``, ``search.css`` — the browser side, copied from ``theme/search/``.

Withdrawn records and listings of records are not indexed; pages marked classified are refused.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from array import array
from dataclasses import dataclass
from pathlib import Path

from generators.search import tokens
from generators.search.pages import FACETS, Page, html_files, language_root, rank_class, read_page

RUNTIME = Path(__file__).resolve().parents[2] / "theme" / "search"
INDEX_DIR = "search-index"
DOCS_PER_FOLDER = 1000
MAX_TEXT = 30000  # characters kept per page for snippets; longer pages are cut (flag "c")
FORMAT = 1
# Fixed (search.js has the same number) so the browser fetches buckets alongside meta.json;
# bitmaps keep the common keys small, so more buckets only mean smaller files.
BUCKETS = 4096


@dataclass(frozen=True)
class IndexStats:
    lang: str
    documents: int
    withdrawn: int
    refused: list[Path]  # pages carrying a classified marker: not indexed, an error
    keys: int
    buckets: int
    out_dir: Path


def fnv1a(key: str) -> int:
    h = 0x811C9DC5
    for byte in key.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def collect(site_dir: Path, lang: str) -> tuple[list[Page], int, list[Path]]:
    root = language_root(site_dir, lang)
    pages, withdrawn, refused = [], 0, []
    for path in html_files(site_dir, lang):
        page = read_page(root, path)
        if page is None:
            continue
        if page.classified:
            refused.append(path)
            continue
        if page.withdrawn:
            withdrawn += 1
            continue
        if page.listing:
            continue
        pages.append(page)
    # Documents are numbered in rank order, so every postings list is: named things' pages,
    # records, other pages, pages about the archive (the browser keeps that order in each tier).
    pages.sort(key=lambda p: (rank_class(p), p.url))
    return pages, withdrawn, refused


def _deltas(docs: array) -> list[int]:
    out, last = [], 0
    for d in docs:
        out.append(d - last)
        last = d
    return out


def encode_postings(docs: array, documents: int) -> list[int] | str:
    """Sorted document numbers as gaps (a JSON list), or — when shorter, as for words on
    most pages — a base64 bitmap with bit d (LSB first) set for document d."""
    bitmap_size = (documents + 7) // 8 * 4 // 3 + 4
    if len(docs) * 2 < bitmap_size:  # a gap takes at least two characters ("1,")
        gaps = _deltas(docs)
        if len(json.dumps(gaps)) <= bitmap_size:
            return gaps
    bits = bytearray((documents + 7) // 8)
    for d in docs:
        bits[d >> 3] |= 1 << (d & 7)
    return base64.b64encode(bytes(bits)).decode("ascii")


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def build_index(site_dir: Path | str, lang: str) -> IndexStats:
    """Index the built site's pages of ``lang`` ("zh" at the root, others under /<lang>/)."""
    site_dir = Path(site_dir)
    pages, withdrawn, refused = collect(site_dir, lang)
    body: dict[str, array] = {}
    title: dict[str, array] = {}
    for n, page in enumerate(pages):
        title_keys = tokens.keys(page.title) | tokens.title_keys(page.title)
        for key in tokens.keys(page.text) | title_keys:
            body.setdefault(key, array("I")).append(n)
        for key in owned_keys(page):
            body.setdefault(key, array("I")).append(n)
            title.setdefault(key, array("I")).append(n)
        for key in title_keys:
            title.setdefault(key, array("I")).append(n)

    out = language_root(site_dir, lang) / INDEX_DIR
    if out.exists():
        shutil.rmtree(out)
    (out / "b").mkdir(parents=True)
    nbuckets = BUCKETS
    buckets: list[dict[str, list[list[int]]]] = [{} for _ in range(nbuckets)]
    for key in sorted(body):
        buckets[fnv1a(key) % nbuckets][key] = [encode_postings(body[key], len(pages)),
                                               encode_postings(title.get(key, array("I")), len(pages))]
    for n, bucket in enumerate(buckets):
        if bucket:
            _write_json(out / "b" / f"{n}.json", bucket)
    _write_docs(out, pages)
    _write_json(out / "meta.json", _meta(lang, pages, nbuckets))
    # Where the pages about the archive begin (they are numbered last): the browser ranks them
    # after every record, even when their title holds the query. Tiny, fetched with the buckets.
    secondary = next((n for n, page in enumerate(pages) if rank_class(page) == 3), len(pages))
    _write_json(out / "rank.json", {"secondary": secondary})
    for name in ("search.js", "search.css"):
        shutil.copyfile(RUNTIME / name, out / name)
    _refresh_inline_runtime(language_root(site_dir, lang) / "search" / "index.html")
    return IndexStats(lang, len(pages), withdrawn, refused, len(body), nbuckets, out)


_BRACKETED_TAIL = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")


def owned_keys(page: Page) -> set[str]:
    """Exact keys whose query puts this page first: its record ID, its document number in every
    usual spelling, and its title (also without a bracketed tail such as （2023年）) — unless it
    is a page about the archive."""
    if rank_class(page) == 3:
        return set()
    keys = {tokens.exact_key(v) for v in (page.title, _BRACKETED_TAIL.sub("", page.title)) if v}
    if page.record_id:
        keys.add(tokens.exact_key(page.record_id))
    for number in page.doc_numbers:
        keys.update(tokens.citation_keys(number))
    keys.discard(tokens.EXACT_PREFIX)
    return keys


_INLINE_RUNTIME = re.compile(r'(<script data-search-index="[^"]*">)(.*?)(</script>)', re.S)


def _refresh_inline_runtime(search_page: Path) -> None:
    """The search page carries the runtime inline (theme/site main.html); rewriting the index
    alone (make search-index) must not leave it reading the index with an older copy."""
    if not search_page.is_file():
        return
    html = search_page.read_text(encoding="utf-8")
    runtime = (RUNTIME / "search.js").read_text(encoding="utf-8")
    fresh = _INLINE_RUNTIME.sub(lambda m: m.group(1) + runtime + m.group(3), html, count=1)
    if fresh != html:
        search_page.write_text(fresh, encoding="utf-8")


def _write_docs(out: Path, pages: list[Page]) -> None:
    for n, page in enumerate(pages):
        folder = out / "d" / str(n // DOCS_PER_FOLDER)
        if n % DOCS_PER_FOLDER == 0:
            folder.mkdir(parents=True)
        doc = {"u": page.url, "t": page.title}
        for key, value in (
            ("k", page.facets.get("type", "")),
            ("i", page.record_id),
            ("w", page.facets.get("town", "")),
            ("m", page.facets.get("domain", "")),
        ):
            if value:
                doc[key] = value
        if page.body_start:
            doc["s"] = page.body_start
        doc["x"] = page.text[:MAX_TEXT]
        if len(page.text) > MAX_TEXT:
            doc["c"] = 1
        _write_json(folder / f"{n}.json", doc)


def decode_postings(encoded: list[int] | str) -> list[int]:
    """The inverse of encode_postings (search.js has its own copy: undelta)."""
    if isinstance(encoded, str):
        bits = base64.b64decode(encoded)
        return [i * 8 + b for i, byte in enumerate(bits) for b in range(8) if byte >> b & 1]
    out, last = [], 0
    for gap in encoded:
        last += gap
        out.append(last)
    return out


# One printable ASCII character per document and facet (no quote, no backslash: no JSON escapes).
COLUMN_ALPHABET = "".join(chr(c) for c in range(0x23, 0x7F) if chr(c) != "\\")


def encode_column(column: list[int], values: int) -> str | list[int]:
    """A facet column: value numbers as a string of one character each when they fit."""
    if values < len(COLUMN_ALPHABET):
        return "".join(COLUMN_ALPHABET[v] for v in column)
    return column


def _meta(lang: str, pages: list[Page], nbuckets: int) -> dict:
    facets = []
    for _, name in FACETS:
        values = sorted({p.facets[name] for p in pages if name in p.facets})
        if not values:
            continue
        number = {v: i + 1 for i, v in enumerate(values)}
        column = [number.get(p.facets.get(name, ""), 0) for p in pages]
        facets.append({"name": name, "values": values, "docs": encode_column(column, len(values))})
    return {"format": FORMAT, "lang": lang, "buckets": nbuckets, "documents": len(pages), "facets": facets}
