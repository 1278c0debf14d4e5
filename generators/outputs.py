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
    zh = message_language() == "zh"
    target = folder.resolve()
    data = data.resolve()
    for precious in (data, data.parent / "content"):
        if _contains(target, precious) or _contains(precious, target):
            holds = _contains(target, precious)
            if zh:
                return f"拒绝写入 {folder}：它{'包含' if holds else '位于'}档案的数据或正文（{precious}）"
            return (f"refusing to write {kind} into {folder}: it {'holds' if holds else 'is inside'} "
                    f"the archive's data or texts ({precious})")
    if target.is_file() or (target.exists() and not target.is_dir()):
        return f"拒绝写入 {folder}：它不是目录" if zh else f"refusing to write {kind} into {folder}: it is not a folder"
    if replaced and target.is_dir() and any(target.iterdir()) and not _made_by_a_build(target):
        return (f"拒绝写入 {folder}：该目录不为空，且不是构建生成的（没有 {MARKER} 文件）；请换一个空目录或删除它"
                if zh else f"refusing to write {kind} into {folder}: it is not empty and was not made by the build "
                f"(no {MARKER} file); choose an empty folder or remove it")
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
            print(f"另一个构建正在写入 {folder}，等待其结束……" if message_language() == "zh"
                  else f"another build is writing {folder}; waiting for it to finish…", file=sys.stderr, flush=True)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def swap_in(staging: Path, out: Path, trash: Path | None = None) -> None:
    """Put the finished folder ``staging`` in the place of ``out`` with two renames, so that readers
    never see half an output and a failed build never touches the previous one (``staging`` must be
    on ``out``'s file system: make it beside ``out``). The old output is deleted here or, when
    ``trash`` is given and on the same file system, by a process of its own, so that the build does
    not wait for tens of thousands of unlinks."""
    old = None
    if out.exists() or out.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        old.rmdir()
        out.rename(old)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging.rename(out)
    if old is not None and not _discard(old, trash):
        _delete(old)


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
