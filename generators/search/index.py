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

A rebuild with a cache (``build_index(…, cache=…)``, as the site build does) reads only the pages
whose files changed, and — when the documents are the same and numbered alike — rewrites only
what their keys, words and facets touch; a page added or removed (the numbering shifts) builds
the index again from the cached reads. Either way the files are those a clean build makes.
"""

from __future__ import annotations

import base64
import bisect
import functools
import hashlib
import json
import os
import pickle
import re
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from generators.filesync import remove_files, sync_files, write_if_changed, write_known
from generators.search import suggest, tokens
from generators.search.pages import FACETS, Page, html_names, language_root, rank_class, read_page
from generators.search.segment import Segmenter

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


# grade() as tables (a page has a thousand keys): the count's part for 0…MORE[-1] times, the
# offset's for 0…SOONER[-1] characters; beyond them the last entry holds.
_BY_COUNT = [bisect.bisect_right(MORE, count) * (NOWHERE + 1) for count in range(MORE[-1] + 1)]
_BY_OFFSET = [bisect.bisect_right(SOONER, offset) for offset in range(SOONER[-1] + 1)]


def _grades(counts: dict[str, int], first: dict[str, int]) -> bytes:
    """Each key's grade (grade()), in ``counts``' order."""
    top_count, top_offset, by_count, by_offset = MORE[-1], SOONER[-1], _BY_COUNT, _BY_OFFSET
    return bytes([by_count[n if n < top_count else top_count]
                  + (NOWHERE if (at := first.get(key, -1)) < 0 else by_offset[at if at < top_offset else top_offset])
                  for key, n in counts.items()])


def _read(root: Path, path: Path) -> _Read:
    page = read_page(root, path)
    if page is None or page.classified or page.withdrawn or page.listing:
        return _Read(page)
    title_keys = tokens.keys(page.title) | tokens.title_keys(page.title)
    counts, first = tokens.occurrences(page.text, page.body_start)
    grades = _grades(counts, first)
    # Sorted: a set's order changes with each process's string hashing, and a page rendered again
    # with the same words must read the same (or it would count as changed).
    return _Read(page, "\0".join(sorted(title_keys)), "\0".join(counts), grades)


# What a page is to the index: a document (numbered), or left out for one of these reasons.
NOT_PAGE, CLASSIFIED, WITHDRAWN, LISTING, DOCUMENT = range(5)


class _Brief(NamedTuple):
    """What every build needs of a page without reading its words: its kind and, for a document,
    where it is numbered (rank class, url) and its facets (meta.json)."""
    kind: int
    rank: int = 0
    url: str = ""
    facets: dict[str, str] | None = None
    orders: dict[str, int] | None = None


def _brief(page: Page | None) -> _Brief:
    if page is None:
        return _Brief(NOT_PAGE)
    for kind, flag in ((CLASSIFIED, page.classified), (WITHDRAWN, page.withdrawn), (LISTING, page.listing)):
        if flag:
            return _Brief(kind)
    return _Brief(DOCUMENT, rank_class(page), page.url, page.facets, page.orders)


# The page cache: ``<cache>`` holds each file's (modification time, size, brief, offset, length)
# — small, read on every build — and ``<cache>.pages`` the documents' reads (pickled _Read) at
# those offsets, read only for the pages a build needs: all of them for a full build, the changed
# ones' previous reads for an update. Reads are appended; the file is written afresh (with a new
# token at its head, which the index names) when it is missing or mostly reads no longer used.
_TOKEN = 16


def _blob_path(cache: Path) -> Path:
    return cache.with_name(f"{cache.name}.pages")


@dataclass
class _Pages:
    """Every HTML file of a language root as this build found it."""
    entries: dict[str, tuple]  # name → (mtime_ns, size, brief, offset, length); offset -1: in ``fresh``
    fresh: dict[str, _Read]  # the documents read this time, by name
    changed: set[str]  # documents that are new, gone, or say something else than last time
    before: dict[str, tuple]  # the entries as last written
    blobs: Path | None
    token: bytes
    generation: int  # counts the cache's writes: the index state names the one it goes with
    reread: bool = False

    def read(self, name: str) -> _Read:
        found = self.fresh.get(name)
        return found if found is not None else self.previous(name, self.entries)

    def previous(self, name: str, entries: dict[str, tuple] | None = None) -> _Read:
        """The read last written for ``name`` (from ``entries``: this build's)."""
        _, _, _, offset, length = (self.before if entries is None else entries)[name]
        with open(self.blobs, "rb") as stream:
            stream.seek(offset)
            return pickle.loads(stream.read(length))

    def all_reads(self, names: list[str]) -> list[_Read]:
        """The reads of these documents, each read once from the cache's file."""
        kept = self.blobs.read_bytes() if self.blobs and any(n not in self.fresh for n in names) else b""
        out = []
        for name in names:
            found = self.fresh.get(name)
            if found is None:
                offset, length = self.entries[name][3:]
                found = pickle.loads(kept[offset:offset + length])
            out.append(found)
        return out


def _load_cache(cache: Path | None) -> tuple[dict[str, tuple], bytes, int]:
    """The entries the cache holds, its file's token and generation (nothing when written by other
    code, unreadable, or its file of reads is not the one it names)."""
    if cache is None:
        return {}, b"", 0
    try:
        version, token, generation, entries = pickle.loads(cache.read_bytes())
        with open(_blob_path(cache), "rb") as stream:
            head, size = stream.read(_TOKEN), os.fstat(stream.fileno()).st_size
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        return {}, b"", 0
    if version != _reader_version() or head != token or any(e[3] + e[4] > size for e in entries.values()):
        return {}, b"", 0
    return entries, token, generation


def _read_all(root: Path, cache: Path | None) -> _Pages:
    """Every page, reading again only files changed since ``cache`` was written (another size or
    modification time): a rebuild reads only the pages MkDocs rewrote."""
    known, token, generation = _load_cache(cache)
    pages = _Pages({}, {}, set(), known, _blob_path(cache) if cache is not None else None, token, generation)
    for name in html_names(root):
        status = os.stat(f"{root}/{name}")
        entry = known.get(name)
        if entry is not None and entry[:2] == (status.st_mtime_ns, status.st_size):
            pages.entries[name] = entry
            continue
        pages.reread = True
        read = _read(root, root / name)
        brief = _brief(read.page)
        fresh = (status.st_mtime_ns, status.st_size, brief, -1, 0)
        if brief.kind == DOCUMENT:
            # A page written again with the same words (the error page, rendered on every build)
            # changes nothing in the index: it keeps its read in the cache's file.
            if entry is not None and entry[2] == brief and pages.previous(name) == read:
                fresh = (*fresh[:3], *entry[3:])
            else:
                pages.fresh[name] = read
                pages.changed.add(name)
        elif entry is not None and entry[2].kind == DOCUMENT:
            pages.changed.add(name)
        pages.entries[name] = fresh
    pages.changed |= {name for name, entry in known.items() if name not in pages.entries and entry[2].kind == DOCUMENT}
    return pages


def _save_pages(pages: _Pages, cache: Path) -> None:
    """Write the page cache: the new reads appended to its file, or the file written afresh."""
    blobs = {name: pickle.dumps(read, pickle.HIGHEST_PROTOCOL) for name, read in pages.fresh.items()}
    entries = pages.entries
    live = sum(e[4] for e in entries.values() if e[3] >= 0)
    size = pages.blobs.stat().st_size if pages.token and pages.blobs.exists() else 0
    if size and size - _TOKEN - live <= live:  # append: no more than half the file unused
        with open(pages.blobs, "ab") as stream:
            at = stream.seek(0, os.SEEK_END)
            for name, blob in blobs.items():
                stream.write(blob)
                entries[name] = (*entries[name][:3], at, len(blob))
                at += len(blob)
        token = pages.token
    else:  # afresh: every document's read, the kept ones copied from the old file
        kept = pages.blobs.read_bytes() if pages.token else b""
        token = os.urandom(_TOKEN)
        parts, at = [token], _TOKEN
        for name, entry in entries.items():
            if entry[2].kind != DOCUMENT:
                continue
            blob = blobs[name] if entry[3] < 0 else kept[entry[3]:entry[3] + entry[4]]
            parts.append(blob)
            entries[name] = (*entry[:3], at, len(blob))
            at += len(blob)
        write_if_changed(pages.blobs, b"".join(parts))
    pages.generation += 1
    write_if_changed(cache, pickle.dumps((_reader_version(), token, pages.generation, entries),
                                         pickle.HIGHEST_PROTOCOL))


@functools.cache
def _reader_version() -> str:
    """The code that reads pages, makes their keys and words: a cache written by other code is not
    used."""
    here = Path(__file__).parent
    code = ("pages.py", "tokens.py", "index.py", "suggest.py", "segment.py")
    return hashlib.sha256(b"".join((here / name).read_bytes() for name in code)).hexdigest()


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
    bytes change are written; ``cache`` keeps what each page says between builds, and what the
    index was made of: when the same documents are numbered alike, a rebuild changes only the
    keys, documents and words of the pages that changed (see :func:`_update`)."""
    root = language_root(Path(site_dir), lang) if root is None else Path(root)
    pages = _read_all(root, cache)
    names = [name for _, _, name in sorted((e[2].rank, e[2].url, name) for name, e in pages.entries.items()
                                           if e[2].kind == DOCUMENT)]
    briefs = [pages.entries[name][2] for name in names]
    refused = [root / name for name, entry in pages.entries.items() if entry[2].kind == CLASSIFIED]
    withdrawn = sum(1 for entry in pages.entries.values() if entry[2].kind == WITHDRAWN)
    out = root / INDEX_DIR
    if cache is not None and not pages.changed and _state_path(cache).is_file() and _runtime_current(out):
        if pages.reread:
            _save_pages(pages, cache)
        return IndexStats(lang, len(names), withdrawn, refused, -1, BUCKETS, out)  # as it is
    state = _load_state(cache)
    if cache is not None:
        _state_path(cache).unlink(missing_ok=True)  # until the index is written: a stop half way leaves none
    keys = _update(pages, names, briefs, state, out, cache) if _updatable(pages, names, state, out) else None
    if keys is None:
        keys, state = _build(pages, names, briefs, state, out, lang, cache)
    _refresh_inline_runtime(root / "search" / "index.html")
    if cache is not None:
        _save_pages(pages, cache)
        state = {**state, "names": names, "keys": keys, "version": _reader_version()}
        write_if_changed(_state_path(cache), pickle.dumps(state, pickle.HIGHEST_PROTOCOL))
    return IndexStats(lang, len(names), withdrawn, refused, keys, BUCKETS, out)


def _build(pages: _Pages, names: list[str], briefs: list[_Brief], state: dict, out: Path,
           lang: str, cache: Path | None) -> tuple[int, dict]:
    """Every index file from every document (the state's segmentation of lines reused); the
    number of keys and the state the next build updates."""
    reads = pages.all_reads(names)
    body: dict[str, array] = {}
    title: dict[str, array] = {}
    grades: dict[str, bytearray] = {}
    for n, read in enumerate(reads):
        title_keys, body_keys = _keys_of(read)
        for key, value in body_keys.items():
            found = body.get(key)
            if found is None:  # (setdefault would make an empty array for every posting)
                body[key], grades[key] = array("I", (n,)), bytearray((value,))
            else:
                found.append(n)
                grades[key].append(value)
        for key in title_keys:
            found = title.get(key)
            if found is None:
                title[key] = array("I", (n,))
            else:
                found.append(n)
    documents = len(reads)
    buckets: list[dict[str, list]] = [{} for _ in range(BUCKETS)]
    for key in sorted(body):
        buckets[fnv1a(key) % BUCKETS][key] = [encode_postings(body[key], documents),
                                              encode_postings(title.get(key, array("I")), documents),
                                              encode_grades(grades[key])]
    files = [(f"b/{n}.json", _json(bucket)) for n, bucket in enumerate(buckets) if bucket]
    files += [(_doc_name(n), _doc(read.page)) for n, read in enumerate(reads)]
    cut = _segmenter(cache)
    vocabulary = suggest.Vocabulary.of([_page_text(read) for read in reads], state.get("vocabulary"), cut)
    cut.keep()
    files += vocabulary.files()
    files += _small_files(lang, briefs) + _runtime_files()
    written = state.get("written", {})
    sync_files(files, out, written)
    return len(body), {"vocabulary": vocabulary, "written": written, "lang": lang}


# An update rewrites what the changed pages' keys touch; past this many changed documents the
# patching costs more than building everything again.
MAX_UPDATED = 200


def _updatable(pages: _Pages, names: list[str], state: dict, out: Path) -> bool:
    """Whether the index in ``out`` is what ``state`` describes, numbering the same documents."""
    return (state.get("names") == names and len(pages.changed) <= MAX_UPDATED
            and _intact(out, state["written"]))


def _intact(out: Path, written: dict[str, tuple]) -> bool:
    """Whether ``out`` holds exactly the files last written there (names, sizes and times)."""
    count, prefix = 0, len(str(out)) + 1
    for folder, _, files in os.walk(out):
        for file in files:
            path = os.path.join(folder, file)
            status = os.stat(path)
            if written.get(path[prefix:]) is None or written[path[prefix:]][:2] != (status.st_size,
                                                                                     status.st_mtime_ns):
                return False
            count += 1
    return count == len(written)


def _update(pages: _Pages, names: list[str], briefs: list[_Brief], state: dict, out: Path,
            cache: Path | None) -> int:
    """Rewrite the index for the changed documents alone (the same documents, numbered alike): the
    buckets of the keys whose postings change, patched; the changed documents' files; the
    suggestion files from the vocabulary with the pages' lines replaced; meta.json and rank.json.
    Returns the number of keys."""
    number = {name: n for n, name in enumerate(names)}
    patches: dict[int, dict[str, list[tuple[int, tuple[int, bool] | None]]]] = {}
    files: list[tuple[str, bytes | None]] = []
    vocabulary: suggest.Vocabulary = state["vocabulary"]
    cut = _segmenter(cache)
    for name in sorted(pages.changed, key=number.__getitem__):
        n, old, new = number[name], pages.previous(name), pages.read(name)
        was, now = _postings_of(old), _postings_of(new)
        for key in was.keys() | now.keys():
            if was.get(key) != now.get(key):
                patches.setdefault(fnv1a(key) % BUCKETS, {}).setdefault(key, []).append((n, now.get(key)))
        files.append((_doc_name(n), _doc(new.page)))
        vocabulary.change(suggest.page_lines(_page_text(old)), suggest.page_lines(_page_text(new)), cut)
    keys = state["keys"]
    for bucket, changes in sorted(patches.items()):
        name = f"b/{bucket}.json"
        content = json.loads((out / name).read_bytes()) if name in state["written"] else {}
        keys -= len(content)
        for key, edits in changes.items():
            _patch(content, key, edits, len(names))
        keys += len(content)
        files.append((name, _json(dict(sorted(content.items()))) if content else None))
    cut.keep()
    words = vocabulary.files()
    made = {name for name, _ in words}  # a shard left without words is no file
    files += words + [(name, None) for name in state["written"] if name.startswith("s/") and name not in made]
    if any(pages.before[name][2] != pages.entries[name][2] for name in pages.changed):  # facets, rank
        files += _small_files(state["lang"], briefs)
    files += _runtime_files()
    _write(out, files, state["written"])
    return keys


def _patch(content: dict[str, list], key: str, edits: list[tuple[int, tuple[int, bool] | None]],
           documents: int) -> None:
    """Set documents' postings of ``key`` in a bucket's ``content``: (n, (grade, in the title)), or
    (n, None) for a document that no longer holds the key."""
    entry = content.get(key)
    body, title, grades = ([], [], []) if entry is None else _decode_entry(entry)
    for n, value in edits:
        i, j = bisect.bisect_left(body, n), bisect.bisect_left(title, n)
        if i < len(body) and body[i] == n:
            del body[i], grades[i]
        if j < len(title) and title[j] == n:
            del title[j]
        if value is not None:
            body.insert(i, n)
            grades.insert(i, value[0])
            if value[1]:
                title.insert(j, n)
    if body:
        content[key] = [encode_postings(body, documents), encode_postings(title, documents), encode_grades(grades)]
    else:
        content.pop(key, None)


def _decode_entry(entry: list) -> tuple[list[int], list[int], list[int]]:
    body = decode_postings(entry[0])
    grades = [_COLUMN_VALUE[c] for c in entry[2]]
    return body, decode_postings(entry[1]), grades * len(body) if len(grades) == 1 else grades


def _write(out: Path, files: list[tuple[str, bytes | None]], written: dict[str, tuple]) -> None:
    """Write these index files (None: remove it), recording them in ``written``."""
    gone = [name for name, data in files if data is None and name in written]
    for name, data in files:
        if data is not None:
            write_known(out / name, name, data, written)
    remove_files(out, gone)
    for name in gone:
        del written[name]


def _keys_of(read: _Read) -> tuple[set[str], dict[str, int]]:
    """A document's title keys and body keys with their grades, its owned keys in both."""
    title, body = read.keys()
    for key in owned_keys(read.page):  # an exact key: never a text key ("=" is no text)
        body[key] = NOWHERE
        title.add(key)
    return title, body


def _postings_of(read: _Read) -> dict[str, tuple[int, bool]]:
    """Each key of a document: its grade and whether the title holds it."""
    title, body = _keys_of(read)
    return {key: (value, key in title) for key, value in body.items()}


def _page_text(read: _Read) -> str:
    return read.page.title + "\n" + read.page.text


def _small_files(lang: str, briefs: list[_Brief]) -> list[tuple[str, bytes]]:
    """meta.json and rank.json: from every document's brief."""
    # Where each rank class begins (documents are numbered in rank order): the browser ranks the
    # pages about the archive after every record, even when their title holds the query, and
    # orders a tier by class, then by grade. Tiny, fetched with the buckets.
    classes = [brief.rank for brief in briefs]
    starts = [next((n for n, c in enumerate(classes) if c >= k), len(briefs)) for k in range(1, 4)]
    return [("meta.json", _json(_meta(lang, briefs, BUCKETS))),
            ("rank.json", _json({"documents": len(briefs), "classes": starts, "secondary": starts[-1]}))]


def _runtime_files() -> list[tuple[str, bytes]]:
    return [(name, (RUNTIME / name).read_bytes()) for name in ("search.js", "search.css")]


def _segmenter(cache: Path | None) -> Segmenter:
    """Segments new lines with the copy of jieba's dictionary kept beside the cache."""
    return Segmenter(cache.with_name(f"{cache.name}.dictionary") if cache is not None else None)


def _state_path(cache: Path) -> Path:
    return cache.with_name(f"{cache.name}.index")


def _load_state(cache: Path | None) -> dict:
    """What the index in place was made of ({} when unknown): the documents' names in their order,
    its number of keys, the vocabulary and the index files as written."""
    if cache is None:
        return {}
    try:
        found = pickle.loads(_state_path(cache).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        return {}
    return found if isinstance(found, dict) and found.get("version") == _reader_version() else {}


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


def _doc_name(n: int) -> str:
    return f"d/{n // DOCS_PER_FOLDER}/{n}.json"


def _doc(page: Page) -> bytes:
    """A document's file: what a result shows of it."""
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
    return _json(doc)


def encode_grades(grades: bytearray) -> str:
    """One character of COLUMN_ALPHABET per grade; a single one when all are the same (labels
    and boilerplate every record says alike)."""
    column = encode_column(list(grades), NOWHERE + len(MORE) * (NOWHERE + 1))
    return column[0] if len(set(column)) == 1 else column


def decode_postings(encoded: list[int] | str) -> list[int]:
    """The inverse of encode_postings (search.js has its own copy: undelta)."""
    if isinstance(encoded, str):
        bits = base64.b64decode(encoded)
        return [i * 8 + b for i, byte in enumerate(bits) if byte for b in _BITS[byte]]
    out, last = [], 0
    for gap in encoded:
        last += gap
        out.append(last)
    return out


_BITS = [[b for b in range(8) if byte >> b & 1] for byte in range(256)]  # the bits set in each byte, LSB first

# One printable ASCII character per document and facet (no quote, no backslash: no JSON escapes).
COLUMN_ALPHABET = "".join(chr(c) for c in range(0x23, 0x7F) if chr(c) != "\\")
_COLUMN_VALUE = {c: v for v, c in enumerate(COLUMN_ALPHABET)}


def encode_column(column: list[int], values: int) -> str | list[int]:
    """A facet column: value numbers as a string of one character each when they fit."""
    if values < len(COLUMN_ALPHABET):
        return "".join(COLUMN_ALPHABET[v] for v in column)
    return column


def _facet_values(pages: list[_Brief], name: str) -> list[str]:
    """A facet's values in their vocabulary's order where the pages give it, else by text."""
    place = {p.facets[name]: p.orders.get(name, 0) for p in pages if name in p.facets}
    return sorted(place, key=lambda value: (place[value], value))


def _meta(lang: str, pages: list[_Brief], nbuckets: int) -> dict:
    facets = []
    for _, name in FACETS:
        values = _facet_values(pages, name)
        if not values:
            continue
        number = {v: i + 1 for i, v in enumerate(values)}
        column = [number.get(p.facets.get(name, ""), 0) for p in pages]
        facets.append({"name": name, "values": values, "docs": encode_column(column, len(values))})
    return {"format": FORMAT, "lang": lang, "buckets": nbuckets, "documents": len(pages), "facets": facets}
