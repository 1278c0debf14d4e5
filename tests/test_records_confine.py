"""The loader's quick way of placing record files (DATA resolved once, one lstat per file) gives
exactly what resolving each file gives: the same name shown, the same refusal, from any folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generators.diagnostics import Location, relative_path
from generators.records.confine import confined_files, confined_problem
from generators.records.load import record_files

LIMIT = 64  # bytes: big.yml is over it


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A data folder with every kind of entry a record file name can be, reached through a symlink."""
    real = tmp_path / "real-data"
    (real / "sub" / "deeper").mkdir(parents=True)
    (real / "a.yml").write_text("id: a\n", encoding="utf-8")
    (real / "sub" / "deeper" / "b.YAML").write_text("id: b\n", encoding="utf-8")
    (real / "a-b").mkdir()
    (real / "a-b" / "c.yml").write_text("id: c\n", encoding="utf-8")
    (real / "big.yml").write_text("x" * (LIMIT + 1), encoding="utf-8")
    os.symlink("a.yml", real / "inside-link.yml")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.yml").write_text("id: o\n", encoding="utf-8")
    os.symlink(outside / "o.yml", real / "sub" / "out-link.yml")
    os.symlink(outside, real / "linked-folder")  # never entered: its files are not the archive's
    os.symlink("nowhere.yml", real / "dangling.yml")
    os.mkfifo(real / "pipe.yml")
    (real / "folder.yml").mkdir()
    os.symlink(real, tmp_path / "data")
    (tmp_path / "elsewhere").mkdir()
    return tmp_path


def expected(data: Path) -> list[tuple[Path, str, str | None]]:
    found = []
    for file in record_files(data):
        shown = relative_path(file)
        problem = confined_problem(file, data, Location(shown), limit=LIMIT, shown=shown)
        found.append((file, shown, problem.format("en") if problem else None))
    return found


@pytest.mark.parametrize("cwd", [".", "data", "real-data", "real-data/sub", "elsewhere"])
@pytest.mark.parametrize("data", ["data", "real-data", "absolute", "real-data/../data"])
def test_quick_placing_equals_resolving_each_file(tree, monkeypatch, cwd, data):
    monkeypatch.chdir(tree / cwd)
    folder = tree / "data" if data == "absolute" else Path(os.path.relpath(tree / data))
    if data == "real-data/../data":
        folder = Path(os.path.relpath(tree / "real-data")) / ".." / "data"
    files = record_files(folder)
    quick = [(file, shown, problem.format("en") if problem else None)
             for file, shown, problem in confined_files(folder, files, limit=LIMIT)]
    assert quick == expected(folder)
    codes = {Path(file).name: problem.split("[")[1][:4] for file, _, problem in quick if problem}
    assert codes == {"big.yml": "E033", "out-link.yml": "E031", "dangling.yml": "E030", "pipe.yml": "E032"}
    assert not any("o.yml" in str(file) for file, _, _ in quick)
