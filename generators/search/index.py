"""The static, sharded search index of one language of a built site.

``build_index(site_dir, lang)`` writes ``<language root>/search-index/``:

- ``meta.json`` — bucket count, document count and the facet columns (per document and
  facet one character of COLUMN_ALPHABET, its position: 0 = none, i = values[i-1]); the
  browser computes facet counts over the matched set from it;
- ``b/<n>.json`` — postings bucket n (FNV-1a 32 of the key's UTF-8, modulo the bucket
  count): ``{key: [body documents, title documents, early documents]}`` (early: the text says it
  within EARLY characters after the field list; left out when none), each a list of gaps between
  document numbers or, when shorter, a base64 bitmap; a query fetches only the buckets of its keys;
- ``d/<n // 1000>/<n>.json`` — document n: url, title, type label, town, domain, record ID,
  whether it is superseded (shown with the site's mark),
  text (for the snippet and the phrase check) and where it starts after the metadata header;
  fetched only for the results shown. Documents are numbered in rank order (pages.rank_class);
- ``s/<n>.json`` — words for "did you mean", read only when a query finds nothing (suggest.py);
- ``rank.json`` — the number of the first page about the archive (review, coverage), ranked last;
- ``search.js``, ``search.css`` — the browser side, copied from ``theme/search/``.

Withdrawn records and listings of records are not indexed; pages marked classified are refused.
"""

from __future__ import annotations

import base64
import json
import pickle
import re
from array import array
from dataclasses import dataclass
from pathlib import Path

from generators.filesync import sync_files, write_if_changed
from generators.search import suggest, tokens
from generators.search.pages import FACETS, Page, files_under, language_root, rank_class, read_page

RUNTIME = Path(__file__).resolve().parents[2] / "theme" / "search"
INDEX_DIR = "search-index"
DOCS_PER_FOLDER = 1000
MAX_TEXT = 30000  # characters kept per page for snippets; longer pages are cut (flag "c")
FORMAT = 1
# A page whose text says the query within this many characters after its field list ranks before
# the pages that say it later (search.js: the third postings list).
EARLY = 300
# Fixed (search.js has the same number) so the browser fetches buckets alongside meta.json;
# bitmaps keep the common keys small, so more buckets only mean smaller files.
BUCKETS = 4096


@dataclass(frozen=True)
class IndexStats:
    lang: str
    documents: int
    withdrawn: int
    refused: list[Path]  # pages carrying a classified marker: not indexed, an error
    keys: int  # -1: the index was current and left as it was
    buckets: int
    out_dir: Path


def fnv1a(key: str) -> int:
    h = 0x811C9DC5
    for byte in key.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


@dataclass
class _Read:
    """One HTML page as the index sees it: what it says and its search keys (NUL-separated: a
    string pickles and loads many times faster than a set of strings)."""
    page: Page | None  # None: no <article>
    title_keys: str = ""
    text_keys: str = ""
    lead_keys: str = ""  # the keys of the text's first EARLY characters after the field list

    def keys(self) -> tuple[set[str], set[str]]:
        """(title keys, body keys: the text's and the title's)."""
        title = set(self.title_keys.split("\0")) if self.title_keys else set()
        text = set(self.text_keys.split("\0")) if self.text_keys else set()
        return title, text | title


def _read(root: Path, path: Path) -> _Read:
    page = read_page(root, path)
    if page is None or page.classified or page.withdrawn or page.listing:
        return _Read(page)
    title_keys = tokens.keys(page.title) | tokens.title_keys(page.title)
    lead = tokens.keys(page.text[page.body_start : page.body_start + EARLY])
    return _Read(page, "\0".join(title_keys), "\0".join(tokens.keys(page.text)), "\0".join(lead))


def _read_all(root: Path, cache: Path | None) -> tuple[list[tuple[Path, _Read]], bool]:
    """Every page read, reusing what ``cache`` (a pickle) holds for files unchanged since (same
    size and modification time): a rebuild reads only the pages MkDocs rewrote. Also says whether
    any page is new, changed or gone since the cache was written."""
    known: dict[str, tuple[int, int, _Read]] = {}
    if cache is not None:
        try:
            known = pickle.loads(cache.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            known = {}
    found, fresh, changed = [], {}, False
    for path in files_under(root):
        status = path.stat()
        name = path.relative_to(root).as_posix()
        entry = known.get(name)
        if entry is None or entry[:2] != (status.st_mtime_ns, status.st_size):
            entry = (status.st_mtime_ns, status.st_size, _read(root, path))
            changed = True
        fresh[name] = entry
        found.append((path, entry[2]))
    changed = changed or len(fresh) != len(known)
    if cache is not None and changed:
        write_if_changed(cache, pickle.dumps(fresh, protocol=pickle.HIGHEST_PROTOCOL))
    return found, changed


def collect(root: Path, cache: Path | None = None) -> tuple[list[_Read], int, list[Path], bool]:
    """The pages to index, in rank order; how many withdrawn; those refused; whether any page
    changed since ``cache`` was written."""
    reads, withdrawn, refused = [], 0, []
    found, changed = _read_all(root, cache)
    for path, read in found:
        page = read.page
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
        reads.append(read)
    # Documents are numbered in rank order, so every postings list is: named things' pages,
    # records, other pages, pages about the archive (the browser keeps that order in each tier).
    reads.sort(key=lambda r: (rank_class(r.page), r.page.url))
    return reads, withdrawn, refused, changed


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


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def build_index(site_dir: Path | str, lang: str, *, root: Path | None = None,
                cache: Path | None = None) -> IndexStats:
    """Index the built site's pages of ``lang`` ("zh" at the root, others under /<lang>/), or the
    pages under ``root`` when given (a language built on its own). Only the index files whose
    bytes change are written; ``cache`` keeps what each page says between builds."""
    root = language_root(Path(site_dir), lang) if root is None else Path(root)
    reads, withdrawn, refused, changed = collect(root, cache)
    pages = [read.page for read in reads]
    out = root / INDEX_DIR
    if cache is not None and not changed and _runtime_current(out):
        return IndexStats(lang, len(pages), withdrawn, refused, -1, BUCKETS, out)  # as it is
    body: dict[str, array] = {}
    title: dict[str, array] = {}
    lead: dict[str, array] = {}
    for n, read in enumerate(reads):
        page = read.page
        title_keys, body_keys = read.keys()
        for key in read.lead_keys.split("\0") if read.lead_keys else ():
            lead.setdefault(key, array("I")).append(n)
        for key in body_keys:
            body.setdefault(key, array("I")).append(n)
        for key in owned_keys(page):
            body.setdefault(key, array("I")).append(n)
            title.setdefault(key, array("I")).append(n)
        for key in title_keys:
            title.setdefault(key, array("I")).append(n)

    nbuckets = BUCKETS
    buckets: list[dict[str, list[list[int]]]] = [{} for _ in range(nbuckets)]
    for key in sorted(body):
        entry = [encode_postings(body[key], len(pages)), encode_postings(title.get(key, array("I")), len(pages))]
        if key in lead:
            entry.append(encode_postings(lead[key], len(pages)))
        buckets[fnv1a(key) % nbuckets][key] = entry
    files = [(f"b/{n}.json", _json(bucket)) for n, bucket in enumerate(buckets) if bucket]
    files += _docs(pages)
    words = _side_cache(cache, "words")  # each distinct line's words: only new lines are segmented
    files += suggest.files([page.title + "\n" + page.text for page in pages], words)
    files.append(("meta.json", _json(_meta(lang, pages, nbuckets))))
    # Where the pages about the archive begin (they are numbered last): the browser ranks them
    # after every record, even when their title holds the query. Tiny, fetched with the buckets.
    secondary = next((n for n, page in enumerate(pages) if rank_class(page) == 3), len(pages))
    files.append(("rank.json", _json({"secondary": secondary})))
    files += [(name, (RUNTIME / name).read_bytes()) for name in ("search.js", "search.css")]
    written = _side_cache(cache, "files")  # the index's files as last written: not read back
    sync_files(files, out, written)
    for name, value in (("words", words), ("files", written)):
        if value is not None:
            write_if_changed(cache.with_name(f"{cache.name}.{name}"), pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    _refresh_inline_runtime(root / "search" / "index.html")
    return IndexStats(lang, len(pages), withdrawn, refused, len(body), nbuckets, out)


def _side_cache(cache: Path | None, name: str) -> dict | None:
    """A dictionary kept beside the page cache between builds ({} when there is none yet)."""
    if cache is None:
        return None
    try:
        found = pickle.loads(cache.with_name(f"{cache.name}.{name}").read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


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
    write_if_changed(search_page, fresh.encode("utf-8"))  # replaced, never written in place


def _runtime_current(out: Path) -> bool:
    """Whether ``out`` holds a finished index with the current browser side."""
    try:
        return (out / "meta.json").is_file() and all(
            (out / name).read_bytes() == (RUNTIME / name).read_bytes() for name in ("search.js", "search.css"))
    except OSError:
        return False


def _docs(pages: list[Page]) -> list[tuple[str, bytes]]:
    files = []
    for n, page in enumerate(pages):
        doc = {"u": page.url, "t": page.title}
        for key, value in (
            ("k", page.facets.get("type", "")),
            ("i", page.record_id),
            ("w", page.facets.get("town", "")),
            ("m", page.facets.get("domain", "")),
        ):
            if value:
                doc[key] = value
        if page.superseded:
            doc["v"] = 1  # the result carries the site's "superseded" mark
        if page.body_start:
            doc["s"] = page.body_start
        doc["x"] = page.text[:MAX_TEXT]
        if len(page.text) > MAX_TEXT:
            doc["c"] = 1
        files.append((f"d/{n // DOCS_PER_FOLDER}/{n}.json", _json(doc)))
    return files


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


def _facet_values(pages: list[Page], name: str) -> list[str]:
    """A facet's values in their vocabulary's order where the pages give it, else by text."""
    place = {p.facets[name]: p.orders.get(name, 0) for p in pages if name in p.facets}
    return sorted(place, key=lambda value: (place[value], value))


def _meta(lang: str, pages: list[Page], nbuckets: int) -> dict:
    facets = []
    for _, name in FACETS:
        values = _facet_values(pages, name)
        if not values:
            continue
        number = {v: i + 1 for i, v in enumerate(values)}
        column = [number.get(p.facets.get(name, ""), 0) for p in pages]
        facets.append({"name": name, "values": values, "docs": encode_column(column, len(values))})
    return {"format": FORMAT, "lang": lang, "buckets": nbuckets, "documents": len(pages), "facets": facets}
