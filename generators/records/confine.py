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
from collections.abc import Iterator
from pathlib import Path

from generators.diagnostics import Diagnostic, Location, relative_path, resolved_cwd

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
    return _kind_problem(real.stat(), limit, where, shown)


def confined_files(data_dir: Path, files: list[Path], *, limit: int = MAX_PROSE_BYTES
                   ) -> Iterator[tuple[Path, str, Diagnostic | None]]:
    """Each of ``files`` (found under ``data_dir`` by ``rglob``, which never enters a symlinked
    folder) with its name as shown (:func:`relative_path`) and :func:`confined_problem`.

    The same answers, but DATA is resolved once: a file that is no symlink is where its name says,
    inside DATA, and one ``lstat`` tells its kind and size. (Resolving 10,000 record paths component
    by component, twice each, was a third of loading them from the cache.) Symlinks, and files that
    vanished, take the full way."""
    real_root = allowed_roots(data_dir)[0]
    cwd = resolved_cwd()
    try:
        shown_root = str(real_root.relative_to(cwd))
        prefix: str | None = "" if shown_root == "." else shown_root + "/"
    except ValueError:
        prefix = None
    for file in files:
        try:
            info = os.lstat(file)
        except OSError:
            info = None
        if info is None or stat.S_ISLNK(info.st_mode):
            shown = relative_path(file)
            yield file, shown, confined_problem(file, data_dir, Location(shown), limit=limit, shown=shown)
            continue
        inside = file.relative_to(data_dir)
        shown = prefix + str(inside) if prefix is not None else _shown_under(real_root / inside, cwd, file)
        yield file, shown, _kind_problem(info, limit, Location(shown), shown)


def _shown_under(real: Path, cwd: Path, file: Path) -> str:
    try:
        return str(real.relative_to(cwd))
    except ValueError:
        return str(file)


def _kind_problem(info: os.stat_result, limit: int, where: Location, shown: str) -> Diagnostic | None:
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
