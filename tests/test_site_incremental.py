"""An incremental site build gives, byte for byte, the site a clean build of the same data gives,
after a record is edited, one added and one deleted; it renders only what changed; and it never
writes into the files of the site it replaces (they are hard-linked from its working trees).

A small synthetic archive (``example-data --hazards 20``) keeps the three builds short.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generators.checks import load_and_check
from generators.releases.compare import compare_trees, tree_digest
from generators.site.build import build_site
from generators.site.incremental import link_tree

ROOT = Path(__file__).resolve().parents[1]


def _build(data: Path, out: Path, build: Path) -> None:
    archive, diagnostics = load_and_check(data)
    errors = [d for d in diagnostics if d.is_error]
    assert not errors, "\n".join(map(str, errors))
    result = build_site(archive, data, out, build)
    assert result.ok, result.message


def _hazards(data: Path) -> dict[str, Path]:
    return {path.stem: path for path in sorted(data.glob("campaigns/*/hazards/*.yml"))}


def _copy(hazards: dict[str, Path], rid: str, new: str, item: int) -> None:
    """A new hazard: a copy of ``rid`` under the ID ``new`` and archival item number ``item``;
    nothing refers to it."""
    text = hazards[rid].read_text(encoding="utf-8").replace(rid, new)
    hazards[rid].with_name(f"{new}.yml").write_text(re.sub(r"item_number: \d+", f"item_number: {item}", text),
                                                    encoding="utf-8")


_CLASSIFIED = "HZ-2020-0003"  # the example's classified dossier


def _output(build: Path, rid: str) -> Path:
    found = list((build / "site-src" / "zh" / "out").glob(f"**/{rid}/index.html"))
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("incremental") / "data"
    subprocess.run([sys.executable, "-m", "generators", "example-data", "--out", str(data), "--hazards", "20"],
                   cwd=ROOT, check=True, capture_output=True)
    return data


def _same_as_clean(data: Path, site: Path, tmp_path: Path, name: str) -> None:
    clean_site = tmp_path / f"clean-site-{name}"
    _build(data, clean_site, tmp_path / f"clean-build-{name}")
    differences = compare_trees(site, clean_site)
    assert differences == [], "\n".join(differences[:50])
    shutil.rmtree(clean_site)


def test_incremental_build_equals_clean_build(archive: Path, tmp_path: Path) -> None:
    data, site, build = archive, tmp_path / "site", tmp_path / "build"
    hazards = _hazards(data)
    edited, copied = list(hazards)[:2]
    regraded = next(rid for rid, path in hazards.items() if rid not in (edited, copied, _CLASSIFIED)
                    and "\ngrade: 一般\n" in path.read_text(encoding="utf-8"))
    deleted, added = f"{copied}8", f"{copied}9"
    _copy(hazards, copied, deleted, 998)  # every hazard of the example is referenced: delete a copy
    _build(data, site, build)
    untouched = _output(build, copied)
    before = untouched.stat().st_mtime_ns
    # The previous site, held by hard links: a build writing into a shared file would change it.
    held = tmp_path / "held"
    link_tree(site, held)
    digest = tree_digest(held)

    # Records edited, none added or deleted: only the pages that read them are made again, and
    # the change reaches every listing it should (a new grade moves a dossier between listings).
    text = hazards[edited].read_text(encoding="utf-8")
    hazards[edited].write_text(re.sub(r"(title: \{zh: )", r"\1增量测试：", text, count=1), encoding="utf-8")
    text = hazards[regraded].read_text(encoding="utf-8")
    hazards[regraded].write_text(text.replace("\ngrade: 一般\n", "\ngrade: 重大\n"), encoding="utf-8")
    # A text only the English pages show (pages read records attribute by attribute: the Chinese
    # ones that read the title are made again and must come out the same).
    english = next(rid for rid in hazards if rid not in (edited, copied, regraded, deleted, _CLASSIFIED))
    text = hazards[english].read_text(encoding="utf-8")
    hazards[english].write_text(re.sub(r"(title: \{zh: [^,]*, en: '?)", r"\1Incremental ", text, count=1),
                                encoding="utf-8")
    # A withheld (classified) dossier regraded: the listings say how many of each grade they leave out.
    text = hazards[_CLASSIFIED].read_text(encoding="utf-8")
    assert "\nclassification: 秘密\n" in text and "\ngrade: 一般\n" in text
    hazards[_CLASSIFIED].write_text(text.replace("\ngrade: 一般\n", "\ngrade: 重大\n"), encoding="utf-8")
    _build(data, site, build)
    _same_as_clean(data, site, tmp_path, "edited")
    assert "增量测试" in _output(build, edited).read_text(encoding="utf-8")
    assert "Incremental " in (site / "en" / "hazards" / english / "index.html").read_text(encoding="utf-8")
    assert regraded in (site / "hazards" / "grade" / "重大" / "index.html").read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == before, "an unchanged page was rendered again"
    assert tree_digest(held) == digest, "the build wrote into files of the site it replaced"

    # A record added and one deleted; a title left untranslated (the coverage pages list it).
    _copy(hazards, copied, added, 999)
    hazards[copied].with_name(f"{deleted}.yml").unlink()
    text = hazards[english].read_text(encoding="utf-8")
    hazards[english].write_text(re.sub(r"(title: \{zh: [^,]*), en: [^}]*\}", r"\1}", text, count=1), encoding="utf-8")
    _build(data, site, build)
    _same_as_clean(data, site, tmp_path, "added")
    assert english in (site / "coverage" / "index.html").read_text(encoding="utf-8")
    assert not list(site.glob(f"**/{deleted}/")), "the deleted record's page is still in the site"
    assert list(site.glob(f"**/{added}/index.html"))
    assert untouched.stat().st_mtime_ns == before, "an unchanged page was rendered again"
    assert tree_digest(held) == digest, "the build wrote into files of the site it replaced"
    shutil.rmtree(held)
