"""Guards around the folders a build writes (SITE, BUILD, BUILD/documents).

A build replaces its output folder whole, so it must never be pointed at a folder it did not make
(``make site SITE=content`` would delete the hand-written texts), and two builds must never write
the same folders at once (they crashed, or swapped in a site missing hundreds of pages).

- :func:`refusal` says why a folder may not be an output: it holds (or is) the data or content,
  or it is not empty and carries no :data:`MARKER` (the file every build leaves in its output).
- :func:`swap_in` puts a finished output in place of the old one whole (site, documents, releases).
- :func:`locked` takes an exclusive lock per output folder (a ``.<name>.lock`` file beside it,
  ``flock``: released by the kernel when the process dies, so a killed build never leaves a
  stale lock). A second build waits for the first, saying so, then runs on the finished output.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generators.diagnostics import message_language
from generators.words import word

MARKER = ".archive-build"
MARKER_TEXT = "Made by the archive's build (make site / make docs); replaced whole by the next build.\n"


def mark(folder: Path) -> None:
    """Leave the marker in a folder a build made (before it is swapped into place)."""
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def _contains(outer: Path, inner: Path) -> bool:
    return inner == outer or inner.is_relative_to(outer)


def _made_by_a_build(folder: Path) -> bool:
    if (folder / MARKER).is_file():
        return True
    # Outputs of builds from before the marker: a site (both language trees) or printed documents.
    if (folder / "index.html").is_file() and (folder / "en" / "index.html").is_file():
        return True
    names = list(folder.iterdir())
    return bool(names) and all(p.suffix in {".pdf", ".docx"} and p.is_file() for p in names)


def refusal(folder: Path, data: Path, *, kind: str, replaced: bool = True) -> str | None:
    """Why ``folder`` may not be written by a build (a message in the user's language), or None.
    ``replaced``: the build replaces the folder whole (SITE, BUILD/documents), so it must be empty
    or made by a build; BUILD itself only has to keep clear of the data and texts."""
    lang = message_language()
    target = folder.resolve()
    data = data.resolve()
    for precious in (data, data.parent / "content"):
        if _contains(target, precious) or _contains(precious, target):
            key = "cli.refuse_holds_data" if _contains(target, precious) else "cli.refuse_inside_data"
            return word(key, lang, kind=kind, folder=folder, data=precious)
    if target.is_file() or (target.exists() and not target.is_dir()):
        return word("cli.refuse_not_folder", lang, kind=kind, folder=folder)
    if replaced and target.is_dir() and any(target.iterdir()) and not _made_by_a_build(target):
        return word("cli.refuse_not_ours", lang, kind=kind, folder=folder, marker=MARKER)
    return None


@contextlib.contextmanager
def locked(*folders: Path) -> Iterator[None]:
    """Hold an exclusive lock on each of ``folders`` (in a stable order, so two builds locking the
    same folders cannot deadlock), waiting for another build that holds one."""
    with contextlib.ExitStack() as stack:
        for folder in sorted({f.resolve() for f in folders}):
            stack.enter_context(_lock(folder))
        yield


@contextlib.contextmanager
def _lock(folder: Path) -> Iterator[None]:
    folder.parent.mkdir(parents=True, exist_ok=True)
    path = folder.parent / f".{folder.name}.lock"
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(word("cli.waiting_for_build", message_language(), folder=folder), file=sys.stderr, flush=True)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def swap_in(staging: Path, out: Path, trash: Path | None = None, keep: Path | None = None) -> None:
    """Put the finished folder ``staging`` in the place of ``out`` with two renames, so that readers
    never see half an output and a failed build never touches the previous one (``staging`` must be
    on ``out``'s file system: make it beside ``out``). The old output is deleted here or, when
    ``trash`` is given and on the same file system, by a process of its own, so that the build does
    not wait for tens of thousands of unlinks. ``keep``: where the old output is moved instead, when
    possible (the site's next build makes it into the next site, see generators.site.assembly)."""
    old = None
    if out.exists() or out.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        old.rmdir()
        out.rename(old)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging.rename(out)
    if old is not None and not (keep is not None and moved(old, keep)) and not _discard(old, trash):
        _delete(old)


def discard(folder: Path, trash: Path | None) -> None:
    """Delete a folder a build made, in the background when ``trash`` allows (see :func:`swap_in`)."""
    if not _discard(folder, trash):
        _delete(folder)


def moved(folder: Path, target: Path) -> bool:
    """Move a folder a build made to ``target`` (which must not exist); False when it cannot (another
    file system). The site's spare tree goes to and from SITE's place this way (generators.site.assembly)."""
    if folder.is_symlink() or not folder.is_dir() or target.exists() or target.is_symlink():
        return False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        folder.rename(target)
    except OSError:  # another file system
        return False
    return True


def _delete(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _discard(folder: Path, trash: Path | None) -> bool:
    """Move ``folder`` into ``trash`` and delete it there in the background; False if it cannot."""
    if trash is None or folder.is_symlink() or not folder.is_dir():
        return False
    try:
        trash.mkdir(parents=True, exist_ok=True)
        target = Path(tempfile.mkdtemp(dir=trash))
        folder.rename(target / "old")
    except OSError:  # another file system: delete it here
        return False
    subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                      str(target)], start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL)
    return True
