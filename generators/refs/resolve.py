"""Resolve a reference target (an ID or a document number) to a record or nested part.

Exact IDs and document numbers resolve first. Then the accidents of typing Chinese are
forgiven, because each has exactly one reading: full-width letters, digits and hyphens
(``ＨＺ－２０２１``), spaces, and the wrong brackets around a document number's year
(``海安委办[2022]17号``, ``海安委办（2022）17号``, ``海安委办【2022】17号`` → ``〔2022〕``).
Anything else is a near miss that :func:`suggest` turns into a "did you mean".
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from generators.docnumbers import normalise
from generators.records import Archive, reads, versions
from generators.records.model import Notice


@reads.valued("refs.document-numbers")
@lru_cache(maxsize=8)
def _document_numbers(archive: Archive) -> dict[str, str]:
    # A revised notice keeps its document number; the reference means the newest version.
    numbers: dict[str, str] = {}
    for notice in sorted(archive.of_type(Notice), key=lambda n: n.version):
        numbers[notice.document_number] = notice.id
    return numbers


def resolve(archive: Archive, target: str) -> str | None:
    """The ID that ``target`` names, or None when it names nothing."""
    found = _exact(archive, target)
    if found is None:
        typed = normalise(target)
        found = _exact(archive, typed) if typed != target else None
    return found


def _exact(archive: Archive, target: str) -> str | None:
    if archive.kind_of(target) is not None:
        return target
    return _document_numbers(archive).get(target)


@reads.valued("refs.names")
@lru_cache(maxsize=8)
def _names(archive: Archive) -> tuple[str, ...]:
    return tuple(sorted(set(archive.records) | set(archive.nested) | set(_document_numbers(archive))))


def suggest(archive: Archive, target: str) -> str:
    """The closest ID or document number to an unresolved target, or '' when nothing is close."""
    names = _names(archive)
    probe = normalise(target)
    folded = {name.casefold(): name for name in names}
    if probe.casefold() in folded:
        return folded[probe.casefold()]
    close = difflib.get_close_matches(probe, names, n=5, cutoff=0.6)
    # Among near misses, the current version is the likelier meaning than a withdrawn or old one.
    current = [name for name in close if _is_current(archive, name)]
    return (current or close or [""])[0]


def _is_current(archive: Archive, name: str) -> bool:
    record_id = _exact(archive, name)
    nested = archive.nested.get(record_id)
    record_id = nested.parent if nested else record_id
    return versions.is_current(archive, record_id) and not versions.is_withdrawn(archive.get(record_id))
