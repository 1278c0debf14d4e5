"""Shared set-up of the printed-document tests: the example archive plus the documents fixture
(one record of every printed kind), copied into a temporary folder and built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators.documents.build import build
from generators.documents.titles import words
from generators.records.load import load_archive

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "documents" / "campaign.yml"
# The notice as the office issued it (a text export of its Word file), kept as the reference the
# printed notice is compared with word for word.
SEED = ROOT / "tests" / "fixtures" / "documents" / "seed-notice-haianweiban-2022-17.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"
MM = 72 / 25.4


# The example archive's foundations and the real notice; its campaigns (hundreds of hazards) are
# left out so the tests stay quick: the fixture has one record of every printed kind.
BASE = ("jurisdiction.yml", "vocabularies.yml", "domains.yml", "organisations", "notices/haianweiban-2022-17.yml")


def make_archive(folder: Path, extra: str | None = None) -> Path:
    """The example archive's base and the notice, plus the fixture (and ``extra`` YAML), in ``folder``."""
    for name in BASE:
        source, target = ROOT / "data" / name, folder / "data" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copyfile(source, target)
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


INVISIBLE = str.maketrans("", "", "\u200b\u2060")  # the line-break hints theme/print/typst.lua writes


def open_pdf(path: Path):
    """A PDF read with pdfplumber, its characters without the invisible line-break hints (a zero-width
    space after closing marks, a word joiner before opening ones) that keep punctuation on the grid."""
    import pdfplumber

    pdf = pdfplumber.open(path)
    for page in pdf.pages:
        for char in page.chars:
            char["text"] = char["text"].translate(INVISIBLE)
    return pdf


def splits_a_word(lines: list[str]) -> bool:
    """True when a break between ``lines`` falls inside a word of their joined text (the segmenter's words)."""
    ends, offset = set(), 0
    for word in words("".join(lines)):
        offset += len(word)
        ends.add(offset)
    cut = 0
    for line in lines[:-1]:
        cut += len(line)
        if cut not in ends:
            return True
    return False
