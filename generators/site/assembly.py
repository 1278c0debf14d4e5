"""The finished site put together from the built trees (``site-src/zh/out`` at the root,
``site-src/en/out`` under ``en/``, the printed documents under ``documents/``) in a folder beside
SITE that is then swapped in whole.

Making 22,000 folders and 52,000 hard links takes seconds at 10,000 dossiers, on every build. So
the site a swap replaces is not deleted but kept (``site-src/site-spare``), and the next build
brings that tree up to date instead: it unlinks what changed or went and links what is new. A
file is the same when it is the same inode (the trees are hard links to the built files, and
nothing built is ever rewritten in place), so the result is, entry for entry, the tree a fresh
assembly makes; the previous site is never touched until the swap.

What each tree holds is remembered per folder (:class:`Snapshot`) with the folder's inode and
ctime: any entry added, removed or renamed in a folder changes its ctime, so a folder whose key
is unchanged is not read again. A folder changed within the last seconds is noted with no key
(read again next time): the file system's clock is coarse.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import time
from pathlib import Path

from generators.filesync import write_if_changed
from generators.outputs import discard, mark, moved, swap_in

SPARE = "site-spare"  # in site-src: the site the last swap replaced, to be made into the next one
STATE = "assembly.pickle"
RACY_NS = 2_000_000_000  # a folder changed this recently may change again within the same tick
UNKNOWN = (0, 0)

Key = tuple[int, int, int]  # a file's inode, size and mtime_ns
# A folder: (its inode and ctime_ns, or UNKNOWN; its files by name; its folders' names).
Folder = tuple[tuple[int, int], dict[str, Key], tuple[str, ...]]
Snapshot = dict[str, Folder]  # by path relative to the tree's root ("" for the root)


def scan(root: Path, before: Snapshot | None = None) -> Snapshot:
    """What the tree at ``root`` holds, reading only the folders that changed since ``before``."""
    before = before or {}
    recent = time.time_ns() - RACY_NS
    found: Snapshot = {}
    pending = [""]
    while pending:
        rel = pending.pop()
        path = f"{root}/{rel}" if rel else str(root)
        status = os.lstat(path)
        key = (status.st_ino, status.st_ctime_ns)
        folder = before.get(rel)
        if folder is None or folder[0] != key or key == UNKNOWN:
            folder = _read_folder(path, UNKNOWN if status.st_ctime_ns > recent else key)
        found[rel] = folder
        pending += (f"{rel}/{name}" if rel else name for name in folder[2])
    return found


def _read_folder(path: str, key: tuple[int, int]) -> Folder:
    files, folders = {}, []
    with os.scandir(path) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.name)
            else:
                status = entry.stat()
                files[entry.name] = (status.st_ino, status.st_size, status.st_mtime_ns)
    return key, files, tuple(sorted(folders))


def files_of(tree: Snapshot) -> dict[str, Key]:
    """Every file of a tree by its path relative to the root."""
    return {f"{rel}/{name}" if rel else name: key for rel, (_, files, _) in tree.items()
            for name, key in files.items()}


def _placed(tree: Snapshot, under: str) -> Snapshot:
    """``tree`` as the folder ``under`` of another (its keys unknown there)."""
    return {f"{under}/{rel}" if rel else under: (UNKNOWN, files, folders) for rel, (_, files, folders) in tree.items()}


class Assembly:
    """One build's assembly: :meth:`make` the staging folder beside ``out``, then :meth:`swap`
    it in, or :meth:`keep` it for the next build when it is not to be published."""

    def __init__(self, src: Path, out: Path) -> None:
        self.src, self.out = src, out.resolve()
        self.spare = src / SPARE
        self.state = _load(src / STATE)
        self.staging: Path | None = None
        self.tree: Snapshot = {}

    def make(self, roots: dict[str, Path], documents: Path | None, linked: list[str]) -> Path:
        """The staging folder, holding ``roots`` (by the folder they go to, "" for the root) and,
        unless ``documents`` is None, a documents/ folder with the ``linked`` files of ``documents``;
        made from the spare when there is one."""
        sources, want = {}, {}
        for under, root in roots.items():
            tree = self.state[under] = scan(root, self.state.get(under))
            sources[under] = str(root)
            _merge(want, _placed(tree, under) if under else tree, under)
        if documents is not None:
            files: dict[str, Key] = {}
            if linked:
                files = scan(documents, self.state.get("documents"))[""][1]  # a flat folder
                self.state["documents"] = {"": (UNKNOWN, files, ())}
            linked_files = {name: files.get(name, (0, 0, 0)) for name in linked}
            _merge(want, {"documents": (UNKNOWN, linked_files, ())}, "documents")
            sources["documents"] = str(documents)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        before = self.state.get("spare")
        if before is None or _changes(before, want) > len(want) // 2:
            before = None  # updating would cost more than a fresh tree: the spare is deleted in the background
            if self.spare.is_dir() and not self.spare.is_symlink():
                discard(self.spare, self.src / "trash")
        self.staging = self._reuse_spare()
        if self.staging is None:
            self.staging, before = Path(tempfile.mkdtemp(prefix=f".{self.out.name}-new-", dir=self.out.parent)), None
        try:
            have = scan(self.staging, before)
            self.tree = _update(self.staging, have, want, sources)
            mark(self.staging)
        except BaseException:  # interrupted (Ctrl-C) or failed: the previous site stays, no .site-new-* is left
            self.discard()
            raise
        return self.staging

    def _reuse_spare(self) -> Path | None:
        if not self.spare.is_dir() or self.spare.is_symlink():
            return None
        staging = Path(tempfile.mkdtemp(prefix=f".{self.out.name}-new-", dir=self.out.parent))
        staging.rmdir()
        if not moved(self.spare, staging):  # another file system than SITE's: assembled afresh
            shutil.rmtree(self.spare, ignore_errors=True)
            return None
        return staging

    def rewritten(self, *pages: Path) -> None:
        """Pages of the staging folder replaced by new files since :meth:`make`."""
        for page in pages:
            rel = page.relative_to(self.staging).as_posix()
            folder, _, name = rel.rpartition("/")
            if page.is_file() and folder in self.tree:
                status = page.stat()
                _, files, folders = self.tree[folder]
                self.tree[folder] = (UNKNOWN, {**files, name: (status.st_ino, status.st_size, status.st_mtime_ns)},
                                     folders)

    def files(self) -> dict[str, Key]:
        """Every file of the staging folder (inode, size, mtime_ns) by its path in the site."""
        found = files_of(self.tree)
        marker = self.staging / ".archive-build"
        status = marker.stat()
        found[".archive-build"] = (status.st_ino, status.st_size, status.st_mtime_ns)
        return found

    def swap(self, trash: Path) -> None:
        """Put the staging folder in place of SITE; the site it replaces becomes the spare."""
        try:
            swap_in(self.staging, self.out, trash, keep=self.spare)
        except BaseException:  # interrupted: the previous site stays, no .site-new-* is left
            self.discard()
            raise
        self.state["spare"] = self.state.get("site")
        self.state["site"] = self.tree
        self._save()

    def keep(self) -> None:
        """The staging folder is not published (the links are broken): kept as the spare."""
        self.discard()
        self.state["spare"] = self.tree
        self._save()

    def discard(self) -> None:
        """The staging folder moved aside as the spare (what it holds is read again), or deleted."""
        self.state.pop("spare", None)
        if self.staging is not None and self.staging.exists() and not moved(self.staging, self.spare):
            shutil.rmtree(self.staging, ignore_errors=True)

    def _save(self) -> None:
        write_if_changed(self.src / STATE, pickle.dumps(self.state, protocol=pickle.HIGHEST_PROTOCOL))


def _merge(into: Snapshot, tree: Snapshot, under: str = "") -> None:
    """Add ``tree``, placed at the folder ``under``, to the tree ``into``."""
    for rel, (key, files, folders) in tree.items():
        if rel in into:  # two trees share a folder (never in practice): both kept, the later wins
            _, earlier, others = into[rel]
            files, folders = {**earlier, **files}, tuple(sorted({*others, *folders}))
        into[rel] = (key, files, folders)
    parent, _, name = under.rpartition("/")
    if under and name not in into[parent][2]:
        key, files, folders = into[parent]
        into[parent] = (key, files, tuple(sorted({*folders, name})))


def _changes(have: Snapshot, want: Snapshot) -> int:
    """About how many entries updating ``have`` into ``want`` touches (folders and files counted alike)."""
    count = len(have.keys() ^ want.keys())
    for rel, (_, files, _) in want.items():
        held = have.get(rel)
        if held is None:
            count += len(files)
        elif held[1] is not files:  # the same dict: the folder was not read again since
            count += sum(1 for name, key in files.items() if held[1].get(name, (None,))[0] != key[0])
            count += len(held[1].keys() - files.keys())
    return count


def _source(sources: dict[str, str], path: str) -> str:
    head = path.split("/", 1)[0]
    if head in sources and head:
        return f"{sources[head]}/{path[len(head) + 1:]}"
    return f"{sources['']}/{path}"


def _update(root: Path, have: Snapshot, want: Snapshot, sources: dict[str, str]) -> Snapshot:
    """Make the tree at ``root`` (holding ``have``) hold ``want``, by hard links to the files of
    ``sources``; returns what it holds then."""
    base = str(root)
    gone = have.keys() - want.keys()
    changed: set[str] = set()
    for rel in sorted(gone):
        if rel.rpartition("/")[0] not in gone:
            shutil.rmtree(f"{base}/{rel}")
            changed.add(rel.rpartition("/")[0])
    for rel, (_, files, _) in have.items():
        if rel in want:
            wanted = want[rel][1]
            for name, key in files.items():
                if name not in wanted or wanted[name][0] != key[0]:
                    os.unlink(f"{base}/{rel}/{name}" if rel else f"{base}/{name}")
                    changed.add(rel)
    done: Snapshot = {}
    for rel in sorted(want):
        key, files, folders = want[rel]
        path = f"{base}/{rel}" if rel else base
        held = have.get(rel)
        if held is None:
            os.mkdir(path)
            changed.add(rel)
            changed.add(rel.rpartition("/")[0])
        for name, file_key in files.items():
            if held is None or name not in held[1] or held[1][name][0] != file_key[0]:
                _link(_source(sources, f"{rel}/{name}" if rel else name), f"{path}/{name}")
                changed.add(rel)
        done[rel] = (held[0] if held is not None else UNKNOWN, files, folders)
    for rel in changed & done.keys():
        done[rel] = (UNKNOWN, *done[rel][1:])
    return done


def _link(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or no hard links there
        shutil.copy2(source, target)


def _load(path: Path) -> dict:
    try:
        with path.open("rb") as stream:
            found = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return {}
    return found if isinstance(found, dict) else {}
