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
from generators.messages import register
from generators.records import Archive
from generators.records.model import DocumentRecord, Notice, Record

register({
    "E401": {
        "message_zh": "supersedes 指向的“{target}”是{target_type:zh-types}，与本记录的类型{type:zh-types}不同",
        "message_en": "supersedes names '{target}', {target_type:a}, but this record is {type:a}",
        "hint_zh": "新版本只能替代同一类型的记录；检查 ID 是否写错",
        "hint_en": "a new version can only supersede a record of the same type; check the ID",
    },
    "E402": {
        "message_zh": "版本号 {version} 不大于被替代版本“{target}”的版本号 {target_version}",
        "message_en": "version {version} is not greater than version {target_version} of '{target}', "
                      "which it supersedes",
        "hint_zh": "把 version 设为 {expected} 或更大",
        "hint_en": "set version to {expected} or more",
    },
    "E403": {
        "message_zh": "替代了“{target}”却没有修订说明（change_note）",
        "message_en": "supersedes '{target}' but has no change_note",
        "hint_zh": "用 change_note 写明改了什么、为什么改；档案员据此说明版本变化",
        "hint_en": "say in change_note what changed and why; archivists show it in the history of changes",
    },
    "E404": {
        "message_zh": "“{target}”已被“{other}”替代，不能再被本记录替代",
        "message_en": "'{target}' is already superseded by '{other}'; two records cannot supersede the same one",
        "hint_zh": "版本是一条链：本记录应替代“{other}”（最新版本）",
        "hint_en": "versions form a chain: supersede '{other}' (the newest version) instead",
    },
    "E405": {
        "message_zh": "版本替代关系形成循环：{cycle}",
        "message_en": "the supersedes links form a cycle: {cycle}",
        "hint_zh": "最早的版本不应有 supersedes",
        "hint_en": "the first version must not have supersedes",
    },
    "E406": {
        "message_zh": "件号 {item} 在全宗 {fonds} 的 {year} 年度中重复（已用于“{other}”）",
        "message_en": "item number {item} is used twice in fonds {fonds}, year {year} (also by '{other}')",
        "hint_zh": "DA/T 22-2015：件号在同一全宗、同一年度内唯一；该年度的下一个件号是 {free}",
        "hint_en": "DA/T 22-2015: item numbers are unique within a fonds and year; the year's next number is {free}",
    },
    "E407": {
        "message_zh": "通知的文号 {number} 已被“{other}”使用，而两者不是同一文件的不同版本",
        "message_en": "document number {number} is also used by '{other}', which is not a version of this notice",
        "hint_zh": "同一文号只能用于同一文件的修订版本（用 supersedes 相连）；否则请改用新文号",
        "hint_en": "a document number may only be shared by versions of one document (linked by supersedes)",
    },
    "W401": {
        "message_zh": "版本号为 {version}，却没有写明替代的是哪一版本（supersedes）",
        "message_en": "version is {version} but supersedes names no earlier version",
        "hint_zh": "加上 supersedes: <上一版本的 ID>，否则历史版本列表无法显示",
        "hint_en": "add supersedes: <ID of the previous version>, or the history of changes stays empty",
    },
    "W402": {
        "message_zh": "change_note 只用于修订版本，本记录没有 supersedes",
        "message_en": "change_note is only shown for a revision, but this record supersedes nothing",
        "hint_zh": "错别字等小改动不需要新版本，git 会记录；删除 change_note 或补上 supersedes",
        "hint_en": "minor corrections need no new version (git records them): remove change_note or add supersedes",
    },
    "W403": {
        "message_zh": "文件没有档案著录信息（archival：年度、保管期限、件号），不能列入归档包的目录",
        "message_en": "document has no archival metadata (archival: year, retention, item number) "
                      "for the release package",
        "hint_zh": "按 DA/T 22-2015 加上 archival: {{year: …, retention: Y|D30|D10, item_number: …}}",
        "hint_en": "add archival: {{year: …, retention: Y|D30|D10, item_number: …}} (DA/T 22-2015)",
    },
})


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


def all_versions(archive: Archive, record_id: str) -> list[Record]:
    """Every version of the document ``record_id`` belongs to, newest first (itself included)."""
    newest = archive.get(current_version(archive, record_id))
    return [newest, *earlier_versions(archive, newest.id)] if newest is not None else []


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


def in_search(archive: Archive, record_id: str) -> bool:
    """Withdrawn documents leave search results; superseded versions stay findable (marked as such)."""
    return not is_withdrawn(archive.get(record_id))


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
