"""Publications are git tags: ``make publish MESSAGE="…"`` tags HEAD as ``publish/YYYY-MM-DD[-N]``.

An annotated tag records who published, when, and why (the message); archivists list them
with ``git tag -n --list 'publish/*'`` and rebuild any of them with ``make site AT=<tag>``.
Only a clean, valid state can be published: the tag must name exactly what the site showed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generators.clock import CHINA
from generators.releases.snapshot import SnapshotError, git, repo_root

PREFIX = "publish/"


class PublishError(Exception):
    pass


def dirty_files(repo: Path, data: Path) -> list[str]:
    """Uncommitted changes anywhere, and untracked files in DATA or content/ (they would be published)."""
    tracked = git(repo, "status", "--porcelain", "--untracked-files=no").splitlines()
    places = [str(Path(data).absolute().resolve())]
    if (repo / "content").is_dir():
        places.append(str(repo / "content"))
    untracked = git(repo, "status", "--porcelain", "--untracked-files=all", "--", *places).splitlines()
    return sorted({line[3:] for line in tracked + untracked if line.strip()})


def tag_name(repo: Path, day: dt.date) -> str:
    base = f"{PREFIX}{day.isoformat()}"
    existing = set(git(repo, "tag", "--list", f"{base}*").split())
    if base not in existing:
        return base
    n = 2
    while f"{base}-{n}" in existing:
        n += 1
    return f"{base}-{n}"


def publish(data: Path, message: str, day: dt.date | None = None) -> str:
    """Tag HEAD of the repository holding DATA; returns the tag's name.

    ``day`` defaults to today in China (the office's date).
    """
    from generators.checks import load_and_check

    repo = repo_root(data)
    if not message.strip():
        raise PublishError("a publication needs a message: make publish MESSAGE=\"what is published and why\"")
    dirty = dirty_files(repo, data)
    if dirty:
        raise PublishError("commit these changes first; a publication names a commit:\n  " + "\n  ".join(dirty))
    _archive, diagnostics = load_and_check(Path(data))
    errors = [d for d in diagnostics if d.is_error]
    if errors:
        raise PublishError("\n".join(d.format() for d in errors) + f"\n{len(errors)} errors: nothing published")
    # Publishing is an act at a moment, not a build output: the wall clock is the right date here.
    name = tag_name(repo, day or dt.datetime.now(CHINA).date())
    git(repo, "tag", "--annotate", "--message", message.strip(), name, "HEAD")
    return name


__all__ = ["PublishError", "SnapshotError", "publish"]
