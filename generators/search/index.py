"""The static, sharded search index of one language of a built site.

``build_index(site_dir, lang)`` writes ``<language root>/search-index/``:

- ``meta.json`` — bucket count, document count and the facet columns (per document and
  facet one character of COLUMN_ALPHABET, its position: 0 = none, i = values[i-1]); the
  browser computes facet counts over the matched set from it;
- ``b/<n>.json`` — postings bucket n (FNV-1a 32 of the key's UTF-8, modulo the bucket
  count): ``{key: [body documents, title documents, grades]}``, the documents each a list of gaps
  between document numbers or, when shorter, a base64 bitmap; ``grades`` one character of
  COLUMN_ALPHABET per body document, in their order, or one for all when they are the same: how
  often the page's text holds the key and how early after its field list (``grade``), which
  orders the results within a tier; a query
  fetches only the buckets of its keys;
- ``d/<n // 1000>/<n>.json`` — document n: url, title, type label, town, domain, record ID,
  whether it is superseded (shown with the site's mark),
  text (for the snippet and the phrase check) and where it starts after the metadata header;
  fetched only for the results shown. Documents are numbered in rank order (pages.rank_class);
- ``s/<n>.json`` — words for "did you mean", read only when a query finds nothing (suggest.py);
- ``rank.json`` — where each rank class begins in the document numbers (pages.rank_class: named
  things, records, other pages, pages about the archive — the last ranked after everything);
- ``search.js``, ``search.css`` — the browser side, copied from ``theme/search/``.

Withdrawn records and listings of records are not indexed; pages marked classified are refused.
"""

from __future__ import annotations

import base64
import bisect
import functools
import hashlib
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
FORMAT = 2
# A key's grade in a page: how often its text holds it (MORE: 1, 2, 3-4, 5-8, 9-16, 17 or more
# times) and how early after the field list it first does (SOONER: within 100, 300, 1000, 3000
# characters, later or only in the title and fields), as one number MORE-class * 5 + SOONER-class.
# search.js orders the results of a tier by "how much and how early": the sum over the query's
# terms of more-class + (4 - sooner-class), a term's classes the weakest of its keys'.
MORE = (2, 3, 5, 9, 17)
SOONER = (100, 300, 1000, 3000)
NOWHERE = len(SOONER)  # the sooner-class of a key the body (after the field list) does not hold
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
    grades: bytes = b""  # each text key's grade, in text_keys' order

    def keys(self) -> tuple[set[str], dict[str, int]]:
        """(title keys, body keys with their grades: the text's, and the title's not in the text
        graded as said once nowhere early)."""
        title = set(self.title_keys.split("\0")) if self.title_keys else set()
        body = dict(zip(self.text_keys.split("\0"), self.grades, strict=True)) if self.text_keys else {}
        for key in title - body.keys():
            body[key] = NOWHERE
        return title, body


def grade(count: int, offset: int) -> int:
    """A key's grade in a page said ``count`` times, first ``offset`` characters after its field
    list (-1: not after it)."""
    sooner = NOWHERE if offset < 0 else bisect.bisect_right(SOONER, offset)
    return bisect.bisect_right(MORE, count) * (NOWHERE + 1) + sooner


def _read(root: Path, path: Path) -> _Read:
    page = read_page(root, path)
    if page is None or page.classified or page.withdrawn or page.listing:
        return _Read(page)
    title_keys = tokens.keys(page.title) | tokens.title_keys(page.title)
    counts, first = tokens.occurrences(page.text, page.body_start)
    grades = bytes(grade(n, first.get(key, -1)) for key, n in counts.items())
    return _Read(page, "\0".join(title_keys), "\0".join(counts), grades)


def _read_all(root: Path, cache: Path | None) -> tuple[list[tuple[Path, _Read]], bool]:
    """Every page read, reusing what ``cache`` (a pickle) holds for files unchanged since (same
    size and modification time): a rebuild reads only the pages MkDocs rewrote. Also says whether
    any page is new, gone or says something else since the cache was written."""
    known: dict[str, tuple[int, int, _Read]] = {}
    if cache is not None:
        try:
            version, known = pickle.loads(cache.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            version, known = None, {}
        if version != _reader_version():  # read by other code: read again
            known = {}
    found, fresh, changed, reread = [], {}, False, False
    for path in files_under(root):
        status = path.stat()
        name = path.relative_to(root).as_posix()
        entry = known.get(name)
        if entry is None or entry[:2] != (status.st_mtime_ns, status.st_size):
            read = _read(root, path)
            # A page written again with the same words (the error page, rendered on every build)
            # changes nothing in the index.
            changed = changed or entry is None or entry[2] != read
            entry = (status.st_mtime_ns, status.st_size, read)
            reread = True
        fresh[name] = entry
        found.append((path, entry[2]))
    changed = changed or len(fresh) != len(known)
    if cache is not None and (changed or reread):
        write_if_changed(cache, pickle.dumps((_reader_version(), fresh), protocol=pickle.HIGHEST_PROTOCOL))
    return found, changed


@functools.cache
def _reader_version() -> str:
    """The code that reads pages and makes their keys: a cache written by other code is not used."""
    here = Path(__file__).parent
    return hashlib.sha256(b"".join((here / name).read_bytes() for name in ("pages.py", "tokens.py", "index.py")))\
        .hexdigest()


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
    grades: dict[str, bytearray] = {}
    for n, read in enumerate(reads):
        page = read.page
        title_keys, body_keys = read.keys()
        for key in owned_keys(page):  # an exact key: never a text key ("=" is no text)
            body_keys[key] = NOWHERE
            title.setdefault(key, array("I")).append(n)
        for key, value in body_keys.items():
            body.setdefault(key, array("I")).append(n)
            grades.setdefault(key, bytearray()).append(value)
        for key in title_keys:
            title.setdefault(key, array("I")).append(n)

    nbuckets = BUCKETS
    buckets: list[dict[str, list[list[int]]]] = [{} for _ in range(nbuckets)]
    for key in sorted(body):
        buckets[fnv1a(key) % nbuckets][key] = [encode_postings(body[key], len(pages)),
                                               encode_postings(title.get(key, array("I")), len(pages)),
                                               encode_grades(grades[key])]
    files = [(f"b/{n}.json", _json(bucket)) for n, bucket in enumerate(buckets) if bucket]
    files += _docs(pages)
    words = _side_cache(cache, "words")  # each distinct line's words: only new lines are segmented
    files += suggest.files([page.title + "\n" + page.text for page in pages], words)
    files.append(("meta.json", _json(_meta(lang, pages, nbuckets))))
    # Where each rank class begins (documents are numbered in rank order): the browser ranks the
    # pages about the archive after every record, even when their title holds the query, and
    # orders a tier by class, then by grade. Tiny, fetched with the buckets.
    classes = [rank_class(page) for page in pages]
    starts = [next((n for n, c in enumerate(classes) if c >= k), len(pages)) for k in range(1, 4)]
    files.append(("rank.json", _json({"documents": len(pages), "classes": starts, "secondary": starts[-1]})))
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


def encode_grades(grades: bytearray) -> str:
    """One character of COLUMN_ALPHABET per grade; a single one when all are the same (labels
    and boilerplate every record says alike)."""
    column = encode_column(list(grades), NOWHERE + len(MORE) * (NOWHERE + 1))
    return column[0] if len(set(column)) == 1 else column


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
