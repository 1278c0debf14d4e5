"""Faults planted in a copy of the example archive, each with the place it was planted.

A test copies ``data/`` and ``content/`` (prose files are named relative to the records), plants
faults by replacing one exact, unique piece of text, and asserts the diagnostic at the line and
column where the planted value starts: the location comes from the planting, never typed in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generators.diagnostics import Diagnostic
from tests.conftest import ROOT
from tests.refs_helpers import where


def example_copy(folder: Path) -> Path:
    """``folder/data`` and ``folder/content``: the example as committed."""
    shutil.copytree(ROOT / "data", folder / "data")
    shutil.copytree(ROOT / "content", folder / "content")
    return folder / "data"


def plant(data: Path, name: str, old: str, new: str, *, at: str | None = None) -> tuple[str, int, int]:
    """Replace the one occurrence of ``old`` in ``data/name`` by ``new``; return (file, line, col)
    of ``at`` (default: ``new``) in the changed text, 1-based as diagnostics count."""
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
    start = text.index(old)
    text = text[:start] + new + text[start + len(old):]
    path.write_text(text, encoding="utf-8")
    return position(data, name, new, start, at)


def position(data: Path, name: str, new: str, start: int = 0, at: str | None = None) -> tuple[str, int, int]:
    """(file, line, col) of ``at`` inside the first ``new`` at or after ``start`` in ``data/name``."""
    text = (data / name).read_text(encoding="utf-8")
    start = text.index(new, start)
    offset = start + new.index(at) if at is not None else start
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return name, line, col


def located(diagnostics: list[Diagnostic], data: Path) -> set[tuple[str, str, int, int]]:
    """(code, file relative to ``data``, line, col) of every diagnostic inside ``data`` (pass the
    copy's root for prose files under content/)."""
    found = set()
    for d in diagnostics:
        try:
            found.add(where(d, data))
        except ValueError:  # outside DATA (a prose file under content/)
            continue
    return found


def at(code: str, place: tuple[str, int, int]) -> tuple[str, str, int, int]:
    return (code, *place)
