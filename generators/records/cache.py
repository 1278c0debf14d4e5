"""A cache of parsed and validated record files, keyed by each file's content.

``make check`` on 10,000 dossiers spends most of its time reading YAML and validating records
that did not change since the last run. Here the result of both steps for one file (its
records, or its problems) is kept under BUILD, keyed by a hash of the file's bytes, the path it
is shown under, and the version of the code that read it (this package's sources and the
versions of PyYAML/libyaml, pydantic and Python). Checks that look across records (duplicate
IDs, references, vocabularies, the rules) always run again on the loaded archive.

Valid records are kept as the plain values they were validated from, and rebuilt by pydantic's
Rust core on the next run: measured on 10,000 dossiers that is about six times faster than
unpickling the model objects, and it needs no parsing and no translation of errors.

The pack files of a data folder hold the entries of its last run (one pack, or SHARDS of them by
entry key for a large archive). Each is written atomically (temporary file, then rename) and
carries a SHA-256 of its payload: a pack that is truncated, damaged, from another code version or
of the wrong shape is ignored and rewritten, never trusted.
Like every build product, the cache is trusted as far as the BUILD folder is; delete it (or
``make clean``) at any time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generators.diagnostics import Diagnostic
from generators.records.model import Record
from generators.records.walk import Marked
from generators.records.yamlio import PathT, SourceMap

MAGIC = b"records-cache 1\n"
_DIGEST = hashlib.sha256().digest_size


@dataclass(frozen=True)
class ItemResult:
    """One record of a file after validation: the record (and the values it came from), or its problems."""

    base: PathT
    record: Record | None
    problems: tuple[Diagnostic, ...]
    invalid_id: str | None = None  # written but rejected: references to it are not "to nothing"
    data: Any = None  # the parsed values of a valid record; what the cache keeps instead of the record
    marked: list[Marked] | None = None  # a valid record's references and vocabulary values (walk.py)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "record": None}


@dataclass(frozen=True)
class FileResult:
    """One file after parsing and validation."""

    problems: tuple[Diagnostic, ...]
    source: SourceMap | None
    items: tuple[ItemResult, ...]


@cache
def code_version() -> str:
    """Changes whenever the code or libraries that turn bytes into records change."""
    import pydantic
    import pydantic_core
    import yaml

    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for source in sorted([*here.glob("*.py"), here.parent / "diagnostics.py"]):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    for version in (pydantic.VERSION, pydantic_core.__version__, yaml.__version__, str(yaml.__with_libyaml__),
                    sys.version):
        digest.update(version.encode() + b"\0")
    return digest.hexdigest()


def entry_key(display_path: str, raw: bytes) -> str:
    return hashlib.sha256(display_path.encode() + b"\0" + raw).hexdigest()


# A large archive's cache is split by entry key into SHARDS packs, so that an edit rewrites the one
# or two packs holding the changed file's old and new entries, not all 60 MB (two seconds at 10,000
# dossiers); a small one stays in one pack.
SHARDS = 16
SHARDED_FROM = 1000  # entries


class RecordCache:
    """The packs of one data folder; ``folder`` None is no cache at all."""

    def __init__(self, folder: Path | None, data_dir: Path) -> None:
        self.folder = folder
        self.name = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
        self.loaded: dict[Path, set[str]] = {}  # each pack read whole and trusted → the keys it held
        self.old: dict[str, FileResult] = self._read() if folder is not None else {}
        self.new: dict[str, FileResult] = {}
        self.hits = 0

    def get(self, key: str) -> FileResult | None:
        found = self.old.get(key)
        if found is not None:
            self.hits += 1
            self.new[key] = found
        return found

    def put(self, key: str, result: FileResult) -> None:
        self.new[key] = result

    def save(self) -> None:
        """Write this run's entries (only those still in use) into the packs whose entries changed."""
        if self.folder is None or self.new.keys() == self.old.keys():
            return
        packs = self._packs(self.new)
        for path, entries in packs.items():
            if set(entries) != self.loaded.get(path):
                self._write(path, entries)
        for path in self._existing():
            if path not in packs:  # a pack of another shard count, or one left empty
                path.unlink(missing_ok=True)

    def _packs(self, entries: dict[str, FileResult]) -> dict[Path, dict[str, FileResult]]:
        if len(entries) < SHARDED_FROM:
            return {self.folder / f"{self.name}.pickle": dict(sorted(entries.items()))}
        packs: dict[Path, dict[str, FileResult]] = {}
        for key, value in sorted(entries.items()):
            packs.setdefault(self.folder / f"{self.name}-{int(key[0], 16) % SHARDS:x}.pickle", {})[key] = value
        return packs

    def _existing(self) -> list[Path]:
        return sorted(self.folder.glob(f"{self.name}*.pickle"))

    def _write(self, path: Path, entries: dict[str, FileResult]) -> None:
        payload = pickle.dumps((code_version(), entries), protocol=pickle.HIGHEST_PROTOCOL)
        partial: Path | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=".part-")
            partial = Path(name)
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(partial, path)
        except OSError:  # a cache that cannot be written only makes the next run slower
            if partial is not None:
                partial.unlink(missing_ok=True)

    def _read(self) -> dict[str, FileResult]:
        assert self.folder is not None
        found: dict[str, FileResult] = {}
        try:
            packs = self._existing()
        except OSError:
            return {}
        for path in packs:
            entries = self._read_pack(path)
            if entries is not None:
                self.loaded[path] = set(entries)
                found.update(entries)
        return found

    def _read_pack(self, path: Path) -> dict[str, FileResult] | None:
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        head, digest = blob[:len(MAGIC)], blob[len(MAGIC):len(MAGIC) + _DIGEST]
        payload = memoryview(blob)[len(MAGIC) + _DIGEST:]  # megabytes: not copied
        if head != MAGIC or hashlib.sha256(payload).digest() != digest:
            return None
        try:
            version, entries = pickle.loads(payload)  # our own file, and its digest matched
        except Exception:  # any damage the digest missed means: not a cache
            return None
        if version != code_version() or not isinstance(entries, dict):
            return None
        return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, FileResult)}
