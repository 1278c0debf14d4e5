"""One reference graph for the whole archive: every prose reference and every structured link.

A reference is either written in text (``[[ID]]`` in a Text or Prose field, inline in YAML or
in a Markdown file) or is a structured field typed ``Ref(...)`` (a sub-report's town, a
hazard's campaign, a list item's evidence). Both kinds are resolved by the same resolver
(:func:`generators.refs.resolve.resolve`) and carry the exact place they were written, so the
checks, the reviewer's pages, the site and print all read the same facts.

    g = graph(archive)            # cached per archive
    g.outgoing("SR-2022-sanxing") # what a record references
    g.backlinks("HZ-2021-0001")   # what references a record
    g.broken()                    # references that resolve to nothing
    coverage(archive, "SR-2022-sanxing")  # the sieve check: listed / verified / closed
"""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from generators import present
from generators.diagnostics import Location, relative_path
from generators.records import Archive, reads, versions
from generators.records.archive import Origin
from generators.records.model import DocumentRecord, Hazard, Record, SelfAssessment, SubReport
from generators.records.types import Prose, RefTo
from generators.records.walk import fields_holding, texts
from generators.records.yamlio import REFERENCE_OPENERS
from generators.refs.resolve import resolve
from generators.refs.syntax import find_malformed, find_refs

PathT = tuple[str | int, ...]
LANGS = ("zh", "en")


@dataclass(frozen=True)
class Reference:
    """One reference: who cites (``source_id``, field ``path``), what was written, what it names."""

    source_id: str
    path: PathT
    target_text: str
    target_id: str | None
    # Where it was written: its place, or the origin of the record holding a field reference, which
    # finds the place when asked (100,000 field references, and a check asks for a few).
    at: Location | Origin = field(compare=False, repr=False)
    kind: Literal["prose", "field"]
    label: str | None = None
    lang: str | None = None  # prose only: the language of the text it was found in

    @property
    def location(self) -> Location:
        at = self.at
        return at if isinstance(at, Location) else at.locate(self.path)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reference) and self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def _compared(self) -> tuple:
        return (self.source_id, self.path, self.target_text, self.target_id, self.location, self.kind, self.label,
                self.lang)

    def __digest__(self) -> tuple:  # what of it a page depends on (generators/records/reads.py)
        return self._compared()

    def __repr__(self) -> str:  # with its place: RefGraph.__digest__ renders the references by repr
        return f"Reference{self._compared()!r}"


@dataclass(frozen=True)
class MalformedRef:
    """Prose that starts like a reference and is not one (see :func:`syntax.find_malformed`)."""

    source_id: str
    path: PathT
    text: str
    reason: str
    location: Location


@dataclass(frozen=True, eq=False)
class RefGraph:
    archive: Archive
    references: tuple[Reference, ...]
    malformed: tuple[MalformedRef, ...] = ()

    @cached_property
    def _by_source(self) -> dict[str, list[Reference]]:
        index: dict[str, list[Reference]] = {}
        for ref in self.references:
            index.setdefault(ref.source_id, []).append(ref)
        return index

    @cached_property
    def _by_target(self) -> dict[str, list[Reference]]:
        index: dict[str, list[Reference]] = {}
        for ref in self.references:
            if ref.target_id is not None:
                index.setdefault(ref.target_id, []).append(ref)
        return index

    def outgoing(self, record_id: str) -> list[Reference]:
        """References written in a record (or, for a nested part, inside that part)."""
        nested = self.archive.nested.get(record_id)
        if nested is None:
            return list(self._by_source.get(record_id, ()))
        prefix = nested.path
        return [r for r in self._by_source.get(nested.parent, ()) if r.path[: len(prefix)] == prefix]

    def backlinks(self, record_id: str) -> list[Reference]:
        """References to a record from other records (a record citing itself is left out)."""
        return [r for r in self._by_target.get(record_id, ()) if r.source_id != record_id]

    @cached_property
    def _classified(self) -> dict[str, bool]:
        return {}

    def is_classified(self, record_id: str) -> bool:
        """:func:`present.is_classified`, remembered: checks ask it for every reference."""
        reads.note(record_id)  # the answer may be remembered: the record is read all the same
        known = self._classified.get(record_id)
        if known is None:
            known = self._classified[record_id] = present.is_classified(self.archive, record_id)
        return known

    def __digest__(self) -> str:
        """What a page reading the graph depends on (see :func:`reads.digest`): the references and
        malformed ones, rendered at once (fed value by value, 10,000 dossiers' took seconds)."""
        import hashlib

        return hashlib.sha256(repr((self.references, self.malformed)).encode()).hexdigest()

    def broken(self) -> list[Reference]:
        return [r for r in self.references if r.target_id is None]

    def is_current(self, record_id: str) -> bool:
        """Neither withdrawn nor superseded by a newer version (nested parts follow their record)."""
        nested = self.archive.nested.get(record_id)
        if nested is not None:
            record_id = nested.parent
        return versions.is_current(self.archive, record_id) and not versions.is_withdrawn(
            self.archive.get(record_id))


@reads.valued("refs.graph")  # its readers depend on the references, not on every record read
@lru_cache(maxsize=8)
def graph(archive: Archive) -> RefGraph:
    found: list[Reference] = []
    malformed: list[MalformedRef] = []
    for record in archive:
        found += _field_refs(archive, record)
        found += _prose_refs(archive, record, malformed)
    return RefGraph(archive, tuple(found), tuple(malformed))


def _field_refs(archive: Archive, record: Record) -> list[Reference]:
    origin = archive.origins[record.id]
    return [
        Reference(record.id, marked.path, marked.value, resolve(archive, marked.value), origin, "field")
        for marked in archive.marked_values(record.id)
        if isinstance(marked.mark, RefTo)
    ]


def _prose_refs(archive: Archive, record: Record, malformed: list[MalformedRef]) -> list[Reference]:
    origin = archive.origins[record.id]
    found: list[Reference] = []
    if not _may_cite(origin, record):
        return found
    for path, value in texts(record):
        for lang in LANGS:
            content = getattr(value, lang) or ""
            if not any(bracket in content for bracket in REFERENCE_OPENERS):
                continue
            where = _locator(origin, value, path, lang, content)
            for match in find_refs(content):
                found.append(Reference(record.id, path + (lang,), match.target, resolve(archive, match.target),
                                       where(match.start, content[match.start:match.end]), "prose",
                                       match.label, lang))
            # from the start again: a malformed one may come before a reference
            where = _locator(origin, value, path, lang, content)
            for bad in find_malformed(content):
                raw = bad.text(content)
                malformed.append(MalformedRef(record.id, path + (lang,), raw, bad.reason, where(bad.start, raw)))
    return found


# ---------------------------------------------------------------------------------------------
# Positions of prose references


def _may_cite(origin: Origin, record: Record) -> bool:
    """Whether a text of ``record`` can hold a reference. The loader noted each YAML text that holds
    one; Markdown prose is read later, so records with prose are always looked at. (Walking every
    text of 10,000 hazards that cite nothing was a fifth of `make check`.)"""
    if fields_holding(type(record), (Prose,)):
        return True
    base = origin.base
    return any(path[:len(base)] == base for path in origin.source.spans)


def _locator(origin: Origin, value, path: PathT, lang: str, content: str):
    """``where(offset, raw) -> Location`` for the text of ``value`` in ``lang``; each call starts afresh."""
    file_name = getattr(value, f"{lang}_file", None) if isinstance(value, Prose) else None
    if file_name is not None:
        return _in_markdown(origin.file.parent / file_name, content)
    return _in_yaml(origin, path + (lang,))


def _in_markdown(file: Path, content: str):
    display = relative_path(Path(os.path.normpath(file)))  # data/x/../../content/… → content/…
    lines = _Composed(content)

    def where(offset: int, _raw: str) -> Location:
        return Location(display, *lines.line_col(offset))

    return where


def _in_yaml(origin: Origin, path: PathT):
    """Position of a reference inside an inline YAML string: found in the scalar as written,
    which the loader kept (:attr:`SourceMap.spans`).

    The parsed string and its source differ by quoting, escapes and folding, so the reference
    is searched for as written inside the scalar; when a fold or escape split it, the scalar's
    own position is the honest answer.
    """
    span = origin.source.spans.get(origin.base + path)
    if span is None:
        return lambda _offset, _raw: origin.locate(path)
    line, column, written = span
    cursor = [0]

    def where(_offset: int, raw: str) -> Location:
        found = written.find(raw, cursor[0])
        if found < 0:
            return origin.locate(path)
        cursor[0] = found + len(raw)
        newlines = written.count("\n", 0, found)
        if not newlines:
            return Location(origin.display_path, line, column + found)
        return Location(origin.display_path, line + newlines, found - written.rfind("\n", 0, found))

    return where


@dataclass
class _Composed:
    """A Markdown text with its line starts (a reference's offset → line and column)."""
    text: str

    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1


# ---------------------------------------------------------------------------------------------
# The sieve check (art. 5(2)): every hazard on a town's list verified, one by one


@dataclass(frozen=True)
class Coverage:
    listed: int
    verified: int
    closed: int
    unverified_ids: tuple[str, ...]
    listed_ids: tuple[str, ...] = ()
    verified_ids: tuple[str, ...] = ()
    closed_ids: tuple[str, ...] = ()
    unlisted_ids: tuple[str, ...] = ()  # verified by the re-evaluation, but on no list of the town
    duplicate_ids: tuple[str, ...] = ()  # on one self-assessment's list more than once


def current_of_town(archive: Archive, cls: type[DocumentRecord], campaign: str, town: str) -> list:
    g = graph(archive)
    return [r for r in archive.of_type(cls)
            if r.campaign == campaign and r.town == town and g.is_current(r.id)]


@reads.replayed_cache  # asked once per verification a sub-report makes (status_of): 10,000 dossiers
def coverage(archive: Archive, report_id: str) -> Coverage | None:
    """The sieve-check figures for a sub-report or a self-assessment (None for other records).

    Listed: hazards on the town's current self-assessment hazard lists for the campaign (for a
    self-assessment: its own list). Verified: listed hazards the sub-report verified (for a
    self-assessment: any current sub-report of that town and campaign). Closed: listed hazards
    whose dossier has a closure (销号).
    """
    record = archive.get(report_id)
    if isinstance(record, SubReport):
        lists = current_of_town(archive, SelfAssessment, record.campaign, record.town)
        reports = [record]
    elif isinstance(record, SelfAssessment):
        lists = [record]
        reports = current_of_town(archive, SubReport, record.campaign, record.town)
    else:
        return None
    listed = list(dict.fromkeys(item.hazard for sa in lists for item in sa.hazard_list))
    checked = list(dict.fromkeys(v.hazard for report in reports for v in report.verifications))
    listed_set, checked_set = set(listed), set(checked)  # membership in lists was quadratic
    verified = [h for h in listed if h in checked_set]
    closed = [h for h in listed if isinstance(archive.get(h), Hazard) and archive.get(h).closure is not None]
    # Hazards verified although no list names them: only once the town has a list to be on.
    unlisted = [h for h in checked if h not in listed_set] if lists else []
    duplicates = list(dict.fromkeys(sa.hazard_list[i].hazard for sa in lists
                                    for i in repeated([item.hazard for item in sa.hazard_list])))
    return Coverage(len(listed), len(verified), len(closed), tuple(h for h in listed if h not in checked_set),
                    tuple(listed), tuple(verified), tuple(closed), tuple(unlisted), tuple(duplicates))


def repeated(values: list[str]) -> list[int]:
    """Indexes of the values that already occurred earlier (the second, third … occurrences)."""
    seen: set[str] = set()
    found = []
    for index, value in enumerate(values):
        if value in seen:
            found.append(index)
        seen.add(value)
    return found
