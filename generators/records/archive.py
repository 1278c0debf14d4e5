"""The loaded archive: every record, where it came from, and the vocabularies.

:class:`Archive` is immutable and holds only validated records; the stages after loading
(rules, refs, site, documents) read it and never change it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from generators.diagnostics import Location
from generators.records import reads
from generators.records.model import Jurisdiction, Record, Term
from generators.records.walk import Marked, marked_values
from generators.records.yamlio import PathT, SourceMap

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Origin:
    """Where a record was written: its file, and its path inside that file."""

    file: Path
    source: SourceMap
    base: PathT = ()

    @property
    def display_path(self) -> str:
        return self.source.path

    def locate(self, path: PathT = (), *, key: bool = False) -> Location:
        return self.source.locate(self.base + tuple(path), key=key)


@dataclass(frozen=True)
class Nested:
    """A part of a record with its own ID (a plan, a target task, a notice attachment)."""

    id: str
    type: str
    parent: str
    path: PathT
    model: BaseModel


@dataclass(frozen=True, eq=False)  # identity-hashed, so derived indexes can be cached per archive
class Archive:
    root: Path
    records: Mapping[str, Record]
    origins: Mapping[str, Origin]
    nested: Mapping[str, Nested] = field(default_factory=dict)
    vocabularies: Mapping[str, Mapping[str, Term]] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records.values())

    def get(self, record_id: str) -> Record | None:
        return self.records.get(record_id)

    def of_type(self, cls: type[R]) -> list[R]:
        """Records of one class, in ID order (stable for every output). A fresh list each call."""
        cache = self._of_type_cache
        if cls not in cache:
            cache[cls] = tuple(sorted((r for r in self.records.values() if isinstance(r, cls)), key=lambda r: r.id))
        return list(cache[cls])

    @cached_property
    def _of_type_cache(self) -> dict[type, tuple[Record, ...]]:
        # The archive never changes, so each class's sorted list is computed once.
        return {}

    def marked_values(self, record_id: str) -> list[Marked]:
        """The references and vocabulary values of one record (worked out once: the loader's checks
        and the reference graph both need them)."""
        reads.note(record_id)  # the values may be remembered: the record is read all the same
        cache = self._marked_cache
        if record_id not in cache:
            cache[record_id] = marked_values(self.records[record_id])
        return cache[record_id]

    @cached_property
    def _marked_cache(self) -> dict[str, list[Marked]]:
        return {}

    def knows_marked_values(self, found: Mapping[str, list[Marked]]) -> None:
        """The marked values of records, already worked out (the loader keeps them with the records)."""
        self._marked_cache.update(found)

    def known_marked_values(self) -> Mapping[str, list[Marked]]:
        """The marked values worked out so far (the public view shares them: codes are never masked)."""
        return self._marked_cache

    def kind_of(self, record_id: str) -> str | None:
        if record_id in self.records:
            return self.records[record_id].type
        if record_id in self.nested:
            return self.nested[record_id].type
        return None

    @cached_property
    def jurisdiction(self) -> Jurisdiction:
        (only,) = self.of_type(Jurisdiction)
        return only

    def term(self, vocabulary: str, key: str) -> Term:
        return self.vocabularies[vocabulary][key]

    def label(self, vocabulary: str, key: str, lang: str) -> str:
        return self.term(vocabulary, key).label.get(lang)

    def has_flag(self, vocabulary: str, key: str, flag: str) -> bool:
        term = self.vocabularies.get(vocabulary, {}).get(key)
        return term is not None and flag in term.flags

    def locate(self, record_id: str, path: PathT = (), *, key: bool = False) -> Location:
        if record_id in self.nested:
            nested = self.nested[record_id]
            return self.origins[nested.parent].locate(nested.path + tuple(path), key=key)
        return self.origins[record_id].locate(path, key=key)
