"""Which files a record may make the build read: prose (``zh_file``/``en_file``) and data files.

Records are written by many hands and their text is published. A path in a record is therefore
confined: it must lead, after following every symlink, to a regular file inside the archive's
data folder or the ``content/`` folder beside it, no larger than :data:`MAX_PROSE_BYTES`.
``../../../etc/passwd``, an absolute path, a symlink pointing out of the archive, a FIFO (which
would block the build) or ``/dev/zero`` (which would fill the memory) are located errors, and
the file is never opened. Only the checked path is opened, with ``O_NONBLOCK`` and a bounded read,
so a file swapped for something else between the check and the read cannot hang the build either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generators.diagnostics import Diagnostic, Location, relative_path

MAX_PROSE_BYTES = 4 * 1024 * 1024

def allowed_roots(data_dir: Path) -> tuple[Path, ...]:
    """The folders a record's files may be in: DATA itself and the ``content/`` beside it."""
    data = data_dir.resolve()
    return data, (data.parent / "content").resolve()


def _inside(path: Path, roots: tuple[Path, ...]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


def _shown(file: Path) -> str:
    try:
        return relative_path(file)
    except (OSError, RuntimeError):  # a symlink loop or a name too long to resolve
        return str(file)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return name
    return "special file"


def confined_problem(file: Path, data_dir: Path, where: Location, *, limit: int = MAX_PROSE_BYTES,
                     roots: tuple[Path, ...] | None = None, shown: str | None = None) -> Diagnostic | None:
    """Why ``file`` may not be read (a located error), or None when it may. ``roots`` and ``shown``:
    :func:`allowed_roots` of ``data_dir`` and the file's name as shown, when the caller has them
    (resolving paths was a fifth of loading 10,000 record files)."""
    shown = shown or _shown(file)
    roots = roots or allowed_roots(data_dir)
    try:
        real = file.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return Diagnostic.error("E030", where, file=shown)
    if not _inside(real, roots):
        return Diagnostic.error("E031", where, file=shown)
    info = real.stat()
    if not stat.S_ISREG(info.st_mode):
        return Diagnostic.error("E032", where, file=shown, kind=_kind(info.st_mode))
    if info.st_size > limit:
        return Diagnostic.error("E033", where, file=shown, size=info.st_size, limit=limit)
    return None


def read_prose_file(folder: Path, name: str, data_dir: Path, where: Location, *, limit: int = MAX_PROSE_BYTES
                    ) -> tuple[bytes | None, Diagnostic | None]:
    """The bytes of the file ``name`` (as written in a record in ``folder``) when it is confined;
    never blocks, never reads more than ``limit`` bytes. An absolute ``name`` is refused: records
    are moved between machines, and ``/etc/passwd`` is nobody's prose."""
    file = folder / name
    if Path(name).is_absolute() or "\0" in name:
        return None, Diagnostic.error("E031", where, file=name)
    problem = confined_problem(file, data_dir, where, limit=limit)
    if problem is not None:
        return None, problem
    real = file.resolve(strict=True)
    try:
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None, Diagnostic.error("E030", where, file=_shown(file))
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            return None, Diagnostic.error("E032", where, file=_shown(file), kind="special file")
        data = stream.read(limit + 1)
    if len(data) > limit:
        return None, Diagnostic.error("E033", where, file=_shown(file), size=f">{limit}", limit=limit)
    return data, None
