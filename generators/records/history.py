"""History from git: every commit that changed a record's file(s), for the record's page.

Git is the archive: each change to a YAML record or its Markdown text is a commit with a date,
an author and a message. :meth:`RepoHistory.load` reads the whole log with ONE ``git log``
call (an archive of 10,000 files must not run git once per page) and indexes it by file;
:meth:`RepoHistory.for_files` then answers per record.

Honesty about gaps: in a shallow clone the oldest commit git knows may not be where a file
began, so its history is marked incomplete rather than shown as if it were whole. Outside a
git repository there is no history at all (empty, incomplete), and never a traceback.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generators import git
from generators.records import Archive
from generators.records.model import Record
from generators.records.types import Prose
from generators.records.walk import texts

# Record separator before each commit, unit separator between its fields: never in a message.
_FORMAT = "%x1e%H%x1f%h%x1f%aI%x1f%an%x1f%s"


@dataclass(frozen=True)
class Commit:
    sha: str
    short: str
    date: dt.datetime  # the author's date, in the author's own UTC offset as recorded in git
    author: str
    subject: str


@dataclass(frozen=True)
class FileHistory:
    commits: list[Commit]  # newest first
    complete: bool  # False when git cannot know the beginning (shallow clone, no repository)


@dataclass(frozen=True)
class RepoHistory:
    root: Path | None  # the repository's top folder; None outside git
    commits: tuple[Commit, ...] = ()  # newest first, as git log gives them
    by_file: dict[str, tuple[int, ...]] = field(default_factory=dict)  # path → commit indexes
    renames: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)  # new → (index, old)
    boundary: frozenset[str] = frozenset()  # shallow-clone boundary commits
    shallow: bool = False

    @classmethod
    def load(cls, path: Path) -> RepoHistory:
        """The history of the repository holding ``path`` (a repository root or a DATA folder)."""
        path = Path(path)
        probe = path if path.is_dir() else path.parent
        info = git.output(probe, "rev-parse", "--show-toplevel", "--is-shallow-repository", "--git-path", "shallow",
                          timeout=300)
        if info is None:
            return cls(None)
        top, shallow, shallow_file = info.splitlines()[:3]
        root = Path(top).resolve()
        boundary: frozenset[str] = frozenset()
        if shallow == "true":
            shallow_path = Path(shallow_file) if Path(shallow_file).is_absolute() else probe / shallow_file
            try:
                boundary = frozenset(shallow_path.read_text().split())
            except OSError:
                boundary = frozenset()
        log = git.output(root, "log", "-z", "--name-status", "-M", "--no-color", "--encoding=UTF-8",
                         f"--format={_FORMAT}", timeout=300)
        commits, by_file, renames = _parse(log or "")
        return cls(root, tuple(commits), by_file, renames, boundary, shallow == "true")

    def for_files(self, paths: Iterable[Path | str]) -> FileHistory:
        """Commits that changed any of ``paths`` (following renames), newest first."""
        if self.root is None:
            return FileHistory([], complete=False)
        indexes: set[int] = set()
        for path in paths:
            name = self._relative(path)
            if name is not None:
                indexes |= self._indexes(name, -1, depth=0)
        commits = [self.commits[i] for i in sorted(indexes)]
        complete = not (self.shallow and (not commits or commits[-1].sha in self.boundary))
        return FileHistory(commits, complete)

    def for_record(self, archive: Archive, record_id: str) -> FileHistory:
        return self.for_files(record_files(archive, record_id))

    def _indexes(self, name: str, older_than: int, depth: int) -> set[int]:
        # Indexes grow with age. Under an earlier name, only commits older than the rename count:
        # a new file that later took the old name is another file.
        found = {i for i in self.by_file.get(name, ()) if i > older_than}
        if depth < 20:  # a chain of renames, not a loop
            for index, old in self.renames.get(name, ()):
                if index > older_than:
                    found |= self._indexes(old, index, depth + 1)
        return found

    def _relative(self, path: Path | str) -> str | None:
        assert self.root is not None
        candidate = Path(path)
        if not candidate.is_absolute():
            if not candidate.exists():
                return candidate.as_posix()  # already relative to the repository's root
            candidate = Path.cwd() / candidate
        try:
            return candidate.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None


def record_files(archive: Archive, record_id: str) -> list[Path]:
    """The files a record is written in: its YAML file and the Markdown files its prose names."""
    origin = archive.origins.get(record_id)
    if origin is None and record_id in archive.nested:
        origin = archive.origins.get(archive.nested[record_id].parent)
    if origin is None:
        return []
    record: Record = archive.records.get(record_id) or archive.records[archive.nested[record_id].parent]
    files = [origin.file]
    for _path, value in texts(record):
        if isinstance(value, Prose):
            files += [origin.file.parent / name for name in (value.zh_file, value.en_file) if name]
    return sorted(set(files))


def _parse(log: str) -> tuple[list[Commit], dict[str, tuple[int, ...]], dict[str, tuple[tuple[int, str], ...]]]:
    commits: list[Commit] = []
    by_file: dict[str, list[int]] = defaultdict(list)
    renames: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for chunk in log.split("\x1e")[1:]:
        header, _, changes = chunk.partition("\0")
        sha, short, date, author, subject = header.split("\x1f", 4)
        index = len(commits)
        commits.append(Commit(sha, short, dt.datetime.fromisoformat(date), author, subject))
        fields = changes.lstrip("\n").split("\0")
        position = 0
        while position < len(fields) and fields[position]:
            status = fields[position]
            if status[:1] in ("R", "C"):
                old, new = fields[position + 1], fields[position + 2]
                position += 3
                by_file[new].append(index)
                if status[0] == "R":  # a copy leaves the old file unchanged
                    renames[new].append((index, old))
            else:
                by_file[fields[position + 1]].append(index)
                position += 2
    return (commits, {k: tuple(v) for k, v in by_file.items()},
            {k: tuple(v) for k, v in renames.items()})
