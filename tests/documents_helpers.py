"""Shared set-up of the printed-document tests: the example archive plus the documents fixture
(one record of every printed kind), copied into a temporary folder and built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators.documents.build import build
from generators.records.load import load_archive

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "documents" / "campaign.yml"
SEED = Path("/work/shared/seed/haimen-evaluation-spec-2022.txt")
ARTIFACTS = ROOT / "tests" / "artifacts"
MM = 72 / 25.4


def make_archive(folder: Path, extra: str | None = None) -> Path:
    """data/ and content/ of the repository plus the fixture (and ``extra`` YAML), in ``folder``."""
    shutil.copytree(ROOT / "data", folder / "data")
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copyfile(FIXTURE, folder / "data" / "zz-documents-fixture.yml")
    if extra:
        (folder / "data" / "zz-extra.yml").write_text(extra, encoding="utf-8")
    return folder / "data"


def load(data: Path):
    archive, diagnostics = load_archive(data)
    errors = [d.format("en") for d in diagnostics if d.is_error]
    assert not errors, errors
    return archive


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """(archive, output folder, cache folder, first build result)."""
    folder = tmp_path_factory.mktemp("documents")
    archive = load(make_archive(folder))
    out = folder / "build" / "documents"
    cache = folder / "build" / "cache" / "documents"
    result = build(archive, out, cache, progress=False)
    assert not [d.format("en") for d in result.diagnostics if d.is_error]
    return archive, out, cache, result
