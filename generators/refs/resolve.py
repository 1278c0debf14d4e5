"""Resolve a reference target (an ID or a document number) to a record or nested part."""

from __future__ import annotations

from functools import lru_cache

from generators.records import Archive
from generators.records.model import Notice


@lru_cache(maxsize=8)
def _document_numbers(archive: Archive) -> dict[str, str]:
    # A revised notice keeps its document number; the reference means the newest version.
    numbers: dict[str, str] = {}
    for notice in sorted(archive.of_type(Notice), key=lambda n: n.version):
        numbers[notice.document_number] = notice.id
    return numbers


def resolve(archive: Archive, target: str) -> str | None:
    """The ID that ``target`` names, or None when it names nothing."""
    if archive.kind_of(target) is not None:
        return target
    return _document_numbers(archive).get(target)
