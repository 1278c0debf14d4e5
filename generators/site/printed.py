"""Which printed documents the site may link, read from the manifest the documents stage writes
(``BUILD/documents/manifest.json``; the site never imports the documents package).

A document is linked only when it was rendered from its records as they are now: the manifest
notes a fingerprint of every record a document depends on, and a record edited since (or gone)
makes the document out of date. Documents that depend on a classified record are never published.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generators.present import fingerprint, is_classified
from generators.records import Archive

MANIFEST = "manifest.json"  # the documents stage's name for it
FORMATS = (".pdf", ".docx", ".xlsx")  # .xlsx: the lists as workbooks (generators/ledgers)


@dataclass(frozen=True)
class Printed:
    """One printed document as a record's page shows it."""

    stem: str
    kind: str
    title: str  # the document's own (Chinese) title
    files: tuple[str, ...]  # file names in BUILD/documents, PDF first
    current: bool  # rendered from the records as they are now
    contains: tuple[str, ...]  # the records it really prints


def read_manifest(folder: Path) -> dict:
    try:
        described = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entries = described.get("documents") if isinstance(described, dict) else None
    return entries if isinstance(entries, dict) else {}


def printed_documents(archive: Archive, public: Archive, build: Path) -> dict[str, list[Printed]]:
    """record ID → the published documents that print it, its own first; empty without a manifest."""
    folder = build / "documents"
    found: dict[str, list[Printed]] = {}
    for stem, entry in sorted(read_manifest(folder).items()):
        records = entry.get("records") or {}
        if any((rid not in public.records and rid not in public.nested) or is_classified(archive, rid)
               for rid in records):
            continue  # prints a classified or unpublished record: never on the site
        files = tuple(f"{stem}{suffix}" for suffix in FORMATS if (folder / f"{stem}{suffix}").is_file())
        if not files:
            continue
        current = all(fingerprint(archive, rid) == value for rid, value in records.items())
        document = Printed(stem, str(entry.get("kind", "")), str(entry.get("title", stem)), files, current,
                           tuple(entry.get("contains") or ()))
        for record_id in document.contains:
            found.setdefault(record_id, []).append(document)
    for record_id, documents in found.items():
        documents.sort(key=lambda d: (d.stem != record_id, d.stem))
    return found


def linked_files(documents: dict[str, list[Printed]]) -> list[str]:
    """The files the site links (current documents only): those it copies into documents/."""
    return sorted({name for docs in documents.values() for d in docs if d.current for name in d.files})


def described(documents: dict[str, list[Printed]]) -> dict[str, list[list]]:
    """The documents as plain data (what the incremental build compares between two builds)."""
    return {rid: [[d.stem, list(d.files), d.current] for d in docs] for rid, docs in sorted(documents.items())}
