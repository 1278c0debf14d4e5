"""Versions of documents: who supersedes whom, the current version, withdrawal, and their checks.

A revised document is a new record that names the one it revises in ``supersedes`` and says
in ``change_note`` what changed and why. The superseded record stays in the archive (it was
published and may have been cited); the site shows it with a banner naming its successor.
A withdrawn document keeps its page with the reason, but leaves search results.

Minor corrections (typos) are edits of the same record: git records them, no version is made.

The site, the printed documents and search all ask this module, so that "current",
"superseded" and "withdrawn" mean the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache

from generators.diagnostics import Diagnostic
from generators.records import Archive, reads
from generators.records.model import DocumentRecord, Notice, Record

# ---------------------------------------------------------------------------------------------
# Queries used by the site, the printed documents and search


def is_withdrawn(record: Record | None) -> bool:
    return isinstance(record, DocumentRecord) and record.withdrawn is not None


def successor(archive: Archive, record_id: str) -> str | None:
    """The record that names ``record_id`` in ``supersedes`` (the lowest ID if, wrongly, several do)."""
    found = _successors(archive).get(record_id)
    return found[0] if found else None


def current_version(archive: Archive, record_id: str) -> str:
    """Follow successors to the newest version (``record_id`` itself when nothing supersedes it)."""
    seen = {record_id}
    while (nxt := successor(archive, record_id)) is not None and nxt not in seen:
        seen.add(nxt)
        record_id = nxt
    return record_id


def is_current(archive: Archive, record_id: str) -> bool:
    return successor(archive, record_id) is None


def earlier_versions(archive: Archive, record_id: str) -> list[Record]:
    """The versions ``record_id`` revises, newest first (empty for a first version).

    For the history of changes on the current version; each item has its own version,
    change note and date. Stops at a reference to a missing record or a cycle (both reported
    by :func:`check_versions`).
    """
    found: list[Record] = []
    seen = {record_id}
    record = archive.get(record_id)
    while isinstance(record, DocumentRecord) and record.supersedes and record.supersedes not in seen:
        seen.add(record.supersedes)
        record = archive.get(record.supersedes)
        if record is None:
            break
        found.append(record)
    return found


DATE_FIELDS = ("date", "issued_on", "completed_on", "submitted_on", "filed_on", "fed_back_on")


def version_date(record: Record) -> dt.date | None:
    """The date a version was issued (for the history of changes): its first dated field.

    A hazard dossier has none of its own; it dates from the hazard's discovery.
    """
    for name in DATE_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, dt.date):
            return value
    discovery = getattr(record, "discovery", None)
    return discovery.date if discovery is not None else None


@reads.valued("versions.successors")  # a page marking a version depends on who supersedes whom
@lru_cache(maxsize=8)
def _successors(archive: Archive) -> dict[str, list[str]]:
    successors: dict[str, list[str]] = defaultdict(list)
    for record in archive.of_type(DocumentRecord):  # ID order: the choice among several is stable
        if record.supersedes:
            successors[record.supersedes].append(record.id)
    return dict(successors)


# ---------------------------------------------------------------------------------------------
# Checks


def check_versions(archive: Archive) -> list[Diagnostic]:
    """Supersession links, version numbers, change notes, shared document numbers, item numbers."""
    found: list[Diagnostic] = []
    for record in archive.of_type(DocumentRecord):
        found += _check_link(archive, record)
    found += _check_chains(archive)
    found += _check_document_numbers(archive)
    found += _check_item_numbers(archive)
    return found


def _check_link(archive: Archive, record: DocumentRecord) -> list[Diagnostic]:
    where = archive.locate
    if not record.supersedes:
        found = []
        if record.version > 1:
            found.append(Diagnostic.warning("W401", where(record.id, ("version",)), version=record.version))
        if record.change_note is not None:
            found.append(Diagnostic.warning("W402", where(record.id, ("change_note",))))
        return found
    found = []
    target = archive.get(record.supersedes)
    if record.change_note is None:
        found.append(Diagnostic.error("E403", where(record.id, ("supersedes",)), target=record.supersedes))
    if target is None:  # a missing ID is reported once, by the reference check at loading
        return found
    if target.type != record.type:
        found.append(Diagnostic.error("E401", where(record.id, ("supersedes",)), target=target.id,
                                      target_type=target.type, type=record.type))
    elif isinstance(target, DocumentRecord) and record.version <= target.version:
        found.append(Diagnostic.error("E402", where(record.id, ("version",)), version=record.version,
                                      target=target.id, target_version=target.version,
                                      expected=target.version + 1))
    return found


def _check_chains(archive: Archive) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for target, ids in sorted(_successors(archive).items()):
        for extra in ids[1:]:
            found.append(Diagnostic.error("E404", archive.locate(extra, ("supersedes",)), target=target,
                                          other=ids[0]))
    reported: set[str] = set()
    for record in archive.of_type(DocumentRecord):
        cycle = _cycle_from(archive, record.id)
        if cycle and not reported.intersection(cycle):
            reported.update(cycle)
            start = min(cycle)  # report once, at the lowest ID, so the message is stable
            ordered = cycle[cycle.index(start):] + cycle[:cycle.index(start)]
            found.append(Diagnostic.error("E405", archive.locate(start, ("supersedes",)),
                                          cycle=" → ".join([*ordered, start])))
    return found


def _cycle_from(archive: Archive, record_id: str) -> list[str]:
    path: list[str] = []
    current: str | None = record_id
    while current is not None and current not in path:
        path.append(current)
        record = archive.get(current)
        current = record.supersedes if isinstance(record, DocumentRecord) else None
    return path[path.index(current):] if current is not None else []


def _check_document_numbers(archive: Archive) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    first: dict[str, Notice] = {}
    for notice in archive.of_type(Notice):
        other = first.setdefault(notice.document_number, notice)
        if other is notice:
            continue
        if _first_version(archive, notice.id) != _first_version(archive, other.id):
            found.append(Diagnostic.error("E407", archive.locate(notice.id, ("document_number",)),
                                          number=notice.document_number, other=other.id))
    return found


def _first_version(archive: Archive, record_id: str) -> str:
    earlier = earlier_versions(archive, record_id)
    return earlier[-1].id if earlier else record_id


def _check_item_numbers(archive: Archive) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    fonds = _fonds(archive)
    documents = [r for r in archive.of_type(DocumentRecord) if r.archival is not None]
    taken: dict[int, set[int]] = {}
    for record in documents:
        taken.setdefault(record.archival.year, set()).add(record.archival.item_number)
    used: dict[tuple[int, int], str] = {}
    for record in documents:
        key = (record.archival.year, record.archival.item_number)
        other = used.setdefault(key, record.id)
        if other != record.id:
            found.append(Diagnostic.error("E406", archive.locate(record.id, ("archival", "item_number")),
                                          item=f"{record.archival.item_number:04d}", fonds=fonds,
                                          year=record.archival.year, other=other,
                                          free=f"{next_item_number(taken[record.archival.year]):04d}"))
    return found


def next_item_number(taken: set[int]) -> int:
    """The number after the year's last one (items are numbered in the order they are filed);
    only when 9999 is used, the first gap."""
    after = max(taken, default=0) + 1
    return after if after <= 9999 else next(n for n in range(1, 10000) if n not in taken)


def _fonds(archive: Archive) -> str:
    try:
        return archive.jurisdiction.fonds_number
    except ValueError:  # no or several jurisdictions: reported at loading
        return "?"


def check_release(archive: Archive) -> list[Diagnostic]:
    """Warnings only a release needs: documents the package's catalogue cannot list."""
    return [Diagnostic.warning("W403", archive.locate(record.id, ("id",)))
            for record in archive.of_type(DocumentRecord) if record.archival is None]
