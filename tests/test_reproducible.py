"""Two builds of the same commit are byte-identical: site/ and the printed documents.

The repository is cloned twice at HEAD (different folders, full history) and each clone is
built by its own code — the same commit, so the code cannot change between the two builds
even while someone edits the working tree — at different moments, in different time zones,
locales and hash seeds, with no SOURCE_DATE_EPOCH (the commit's date must be what the build
uses). Every differing byte is a failure, listed by :func:`generators.releases.compare.compare_trees`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generators.releases.compare import compare_trees, tree_digest

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = (
    {"TZ": "Asia/Shanghai", "LANG": "zh_CN.UTF-8", "PYTHONHASHSEED": "1"},
    {"TZ": "America/Los_Angeles", "LANG": "C.UTF-8", "PYTHONHASHSEED": "2"},
)


def _build(clone: Path, settings: dict[str, str]) -> Path:
    env = {**os.environ, **settings, "PYTHONPATH": str(clone)}
    env.pop("SOURCE_DATE_EPOCH", None)
    out = clone.parent / "out"
    steps = (("site", out / "site", ("--build", str(clone / "build"))),
             ("docs", out / "documents", ("--no-progress",)))
    for command, target, extra in steps:
        result = subprocess.run([sys.executable, "-m", "generators", command, "--data", str(clone / "data"),
                                 "--out", str(target), *extra], cwd=clone, env=env, capture_output=True, text=True)
        assert result.returncode == 0, f"{command}: {result.stderr}\n{result.stdout}"
    return out


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    # One commit for both, fixed before either build starts: others may commit meanwhile.
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, check=True, capture_output=True,
                         text=True).stdout.strip()
    clones = []
    for index in range(len(SETTINGS)):
        clone = tmp_path_factory.mktemp(f"build-{index}") / f"archive-{index}" / "repo"
        subprocess.run(["git", "clone", "-q", f"file://{ROOT}", str(clone)], check=True, capture_output=True)
        subprocess.run(["git", "checkout", "-q", "--detach", sha], cwd=clone, check=True, capture_output=True)
        clones.append(clone)
    a, b = (_build(clone, settings) for clone, settings in zip(clones, SETTINGS, strict=True))
    return a, b


def test_site_is_byte_identical(builds: tuple[Path, Path]) -> None:
    a, b = builds
    assert (a / "site" / "index.html").is_file() and (a / "site" / "en" / "index.html").is_file()
    differences = compare_trees(a / "site", b / "site")
    assert differences == [], "\n".join(differences[:50])
    print(f"site: identical, tree sha256 {tree_digest(a / 'site')}")


def test_documents_are_byte_identical(builds: tuple[Path, Path]) -> None:
    a, b = builds
    assert any((a / "documents").rglob("*.pdf")) and any((a / "documents").rglob("*.docx"))
    differences = compare_trees(a / "documents", b / "documents")
    assert differences == [], "\n".join(differences[:50])
    print(f"documents: identical, tree sha256 {tree_digest(a / 'documents')}")


def test_compare_trees_finds_each_kind_of_difference(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for root in (a, b):
        (root / "sub").mkdir(parents=True)
        (root / "same.txt").write_text("同一内容\n", encoding="utf-8")
    (a / "sub" / "page.html").write_text("<p>built 2022-05-10</p>", encoding="utf-8")
    (b / "sub" / "page.html").write_text("<p>built 2022-05-11</p>", encoding="utf-8")
    (a / "only-a.css").write_text("a", encoding="utf-8")
    (b / "only-b").mkdir()
    differences = compare_trees(a, b)
    assert differences[0] == f"only in {a}: only-a.css"
    assert differences[1] == f"only in {b}: only-b"
    assert differences[2].startswith(
        "content differs: sub/page.html (sizes 23 and 23; first difference at byte 18, line 1")
    assert len(differences) == 3
    assert compare_trees(a, a) == [] and tree_digest(a) != tree_digest(b)
