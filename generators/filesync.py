"""Writing build outputs so that a rebuild touches only what changed.

Built trees share files with the served site through hard links, so an output file is never
rewritten in place: a changed file is replaced (a new inode), an unchanged one is left alone (its
modification time too, which is what MkDocs's dirty build compares).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` unless the file already holds exactly it; a write replaces the file (a new
    inode), never rewrites it in place. Returns whether it wrote."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    os.fchmod(handle, 0o644)  # mkstemp's 0600 would hide the page from a web server's user
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.replace(temporary, path)
    return True


def remove_files(root: Path, names: Iterable[str]) -> None:
    """Delete these files under ``root`` and the folders they leave empty (a clean build has no
    empty folders)."""
    for name in names:
        path = root / name
        path.unlink(missing_ok=True)
        parent = path.parent
        while parent != root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


def write_known(path: Path, name: str, data: bytes, known: dict | None) -> bool:
    """write_if_changed, sparing the read back when ``known`` (see :func:`sync_files`) records the
    file at ``name`` as holding these bytes; records what it wrote."""
    if known is None:
        return write_if_changed(path, data)
    digest = hashlib.sha256(data).digest()
    try:
        status = path.stat()
        if known.get(name) == (status.st_size, status.st_mtime_ns, digest):
            return False
    except FileNotFoundError:
        pass
    wrote = write_if_changed(path, data)
    status = path.stat()
    known[name] = (status.st_size, status.st_mtime_ns, digest)
    return wrote


def _files_under(folder: Path) -> set[str]:
    """Every file under ``folder`` (relative POSIX paths); os.walk, not Path.rglob, which took
    seconds over a language's 11,000 pages."""
    found = set()
    for parent, _dirs, files in os.walk(folder):
        prefix = os.path.relpath(parent, folder).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found.update(prefix + name for name in files)
    return found


@dataclass
class Sync:
    """The outcome of writing one language's Markdown."""
    sources: list[str] = field(default_factory=list)  # every page source, sorted
    changed: list[str] = field(default_factory=list)  # written because new or different
    removed: list[str] = field(default_factory=list)  # in docs/ before, no page now: deleted


def sync_files(texts: Iterable[tuple[str, bytes | None]], folder: Path,
               known: dict[str, tuple[int, int, bytes]] | None = None, present: Iterable[str] | None = None) -> Sync:
    """Make ``folder`` hold exactly these (relative path, bytes) files: unchanged files are left
    alone (their times too), changed ones replaced, files no longer wanted deleted. None for
    bytes: the file there is kept as it is. ``known`` (name → size, time and digest of the file
    as last written, updated here) spares reading back the files whose size and time are those
    recorded and whose new bytes have the recorded digest. ``present``: the files ``folder`` is
    known to hold (what the previous sync left there), which spares listing it."""
    folder.mkdir(parents=True, exist_ok=True)
    before = _files_under(folder) if present is None else set(present)
    sync = Sync()
    for name, data in texts:
        sync.sources.append(name)
        if data is not None and write_known(folder / name, name, data, known):
            sync.changed.append(name)
    sync.removed = sorted(before - set(sync.sources))
    remove_files(folder, sync.removed)
    if known is not None:
        for name in set(known) - set(sync.sources):
            del known[name]
    sync.sources.sort()
    sync.changed.sort()
    return sync
