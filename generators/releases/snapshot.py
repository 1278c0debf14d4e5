"""The archive as it stood at a tag or commit, for ``make site AT=<ref>`` and ``make release``.

The snapshot is a detached ``git worktree`` of the ref in ``$(BUILD)/at/<ref>/``: its DATA and
``content/`` are exactly what was committed, and, being a git checkout, its history ends at
the ref, so record pages show the history as it was known then.

The CURRENT code builds the snapshot's data. Archivists want old content shown the way the
archive shows things now (banners, history lists, fixed print bugs), and old code may no
longer run with today's packages. The risk is schema drift: data from before a model change
may not validate; the build then lists every problem with file:line, and the fallback is to
build with the snapshot's own code (``cd $(BUILD)/at/<ref> && make site``).
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from generators.git import run as run_git


class SnapshotError(Exception):
    """A problem a user can cause (unknown ref, not a git repository); printed, not a traceback."""


@dataclass(frozen=True)
class Snapshot:
    ref: str
    sha: str
    root: Path  # the worktree
    epoch: int  # the commit's time: SOURCE_DATE_EPOCH for builds of the snapshot

    @property
    def date(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.epoch, dt.UTC)


def git(cwd: Path, *args: str, check: bool = True) -> str:
    """What ``git args…`` prints; a SnapshotError when it fails (unless not ``check``)."""
    try:
        result = run_git(cwd, *args)
    except OSError as error:
        raise SnapshotError(f"cannot run git: {error}") from error
    if check and result.returncode != 0:
        raise SnapshotError(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def repo_root(path: Path) -> Path:
    path = Path(path)
    probe = path if path.is_dir() else path.parent
    if not probe.exists():
        raise SnapshotError(f"{path} does not exist")
    try:
        return Path(git(probe, "rev-parse", "--show-toplevel").strip()).resolve()
    except SnapshotError as error:
        raise SnapshotError(f"{path} is not in a git repository") from error


def resolve_commit(repo: Path, ref: str) -> str:
    if not ref or ref.startswith("-"):
        raise SnapshotError(f"not a tag or commit: {ref!r}")
    try:
        return git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    except SnapshotError as error:
        raise SnapshotError(f"unknown tag or commit {ref!r} in {repo}") from error


def commit_epoch(repo: Path, sha: str) -> int:
    return int(git(repo, "show", "-s", "--format=%ct", sha).strip())


def checkout(repo: Path, ref: str, dest: Path) -> Snapshot:
    """Make ``dest`` a clean detached worktree of ``ref`` (reused when it already is one)."""
    repo = repo_root(repo)
    sha = resolve_commit(repo, ref)
    dest = Path(dest).absolute()
    if _is_clean_checkout(dest, sha):
        return Snapshot(ref, sha, dest, commit_epoch(repo, sha))
    if dest.exists():
        git(repo, "worktree", "remove", "--force", str(dest), check=False)
        if dest.exists():
            shutil.rmtree(dest)
    git(repo, "worktree", "prune")  # forget worktrees whose folders `make clean` removed
    dest.parent.mkdir(parents=True, exist_ok=True)
    git(repo, "worktree", "add", "--quiet", "--detach", "--force", str(dest), sha)
    return Snapshot(ref, sha, dest, commit_epoch(repo, sha))


def _is_clean_checkout(dest: Path, sha: str) -> bool:
    if not (dest / ".git").exists():
        return False
    try:
        head = git(dest, "rev-parse", "HEAD").strip()
        dirty = git(dest, "status", "--porcelain", "--untracked-files=all").strip()
    except SnapshotError:
        return False
    return head == sha and not dirty


def data_in_snapshot(repo: Path, data: Path, snapshot: Snapshot) -> Path:
    """DATA's path inside the snapshot: the same path relative to the repository's root."""
    try:
        relative = Path(data).absolute().resolve().relative_to(repo_root(repo))
    except ValueError as error:
        raise SnapshotError(f"{data} is not inside the repository {repo_root(repo)}") from error
    return snapshot.root / relative
