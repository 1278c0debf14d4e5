"""The refs fixture archive (tests/fixtures/refs) on top of the example's base records."""

from __future__ import annotations

import shutil
from pathlib import Path

from generators.diagnostics import Diagnostic
from tests.conftest import ROOT, write_archive

FIXTURE = ROOT / "tests" / "fixtures" / "refs"


def refs_archive(folder: Path) -> Path:
    data = write_archive(folder, {})
    shutil.copytree(FIXTURE, data, dirs_exist_ok=True)
    return data


def where(diagnostic: Diagnostic, data: Path) -> tuple[str, str, int, int]:
    loc = diagnostic.location
    path = Path(loc.path)
    path = path if path.is_absolute() else Path.cwd() / path
    return diagnostic.code, path.resolve().relative_to(data.resolve()).as_posix(), loc.line, loc.col
