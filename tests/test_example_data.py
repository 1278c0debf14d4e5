"""The bundled example archive and the synthetic-archive generator (``make example-data``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generators.checks import load_and_check
from generators.example import GENERATED_MARK, generate
from generators.example.generate import MD_MARK, RefusedError
from generators.records import load_archive
from generators.records.model import AccidentStatistics, ExtensionRequest, Hazard, Notice, SubReport

REPO = Path(__file__).resolve().parents[1]
DATA, CONTENT = REPO / "data", REPO / "content"


def _errors(diagnostics) -> list[str]:
    return [d.format("en") for d in diagnostics if d.is_error]


@pytest.fixture(scope="module")
def example():
    archive, diagnostics = load_and_check(DATA)
    return archive, diagnostics


def test_example_validates_without_errors(example):
    _, diagnostics = example
    assert _errors(diagnostics) == []


def test_example_warnings_are_the_intended_ones(example):
    """Only the deliberate flaws: the late review (W210) and three unverified hazards (W303)."""
    _, diagnostics = example
    codes = sorted(d.code for d in diagnostics if not d.is_error)
    assert codes == ["W210", "W303", "W303", "W303"]


def _generated(folder: Path, suffix: str) -> dict[Path, bytes]:
    files = {}
    for path in sorted(folder.rglob(f"*{suffix}")):
        head = path.read_text(encoding="utf-8").splitlines()[:3]
        if any(line.startswith((GENERATED_MARK, MD_MARK)) for line in head):
            files[path.relative_to(folder)] = path.read_bytes()
    return files


def test_generator_reproduces_the_committed_example_byte_for_byte(tmp_path):
    out, content = tmp_path / "data", tmp_path / "content"
    result = generate(out, content=content)
    fresh_yaml = {p: b for p, b in _generated(out, ".yml").items() if out / p not in result.copied}
    fresh_md = _generated(content, ".md")
    assert fresh_yaml == _generated(DATA, ".yml")
    assert fresh_md == _generated(CONTENT, ".md")
    assert len(fresh_yaml) > 300


def test_generator_never_overwrites_a_hand_written_file(tmp_path):
    out = tmp_path / "data"
    out.mkdir()
    mine = out / "people.yml"
    mine.write_text("# my own list of people\n[]\n", encoding="utf-8")
    vocab = out / "vocabularies.yml"
    vocab.write_text("# hand-edited vocabularies\n[]\n", encoding="utf-8")
    with pytest.raises(RefusedError) as refused:
        generate(out, hazards=20)
    assert refused.value.paths == [mine]
    assert mine.read_text(encoding="utf-8") == "# my own list of people\n[]\n"
    assert not (out / "campaigns").exists(), "nothing may be written when a run is refused"
    mine.unlink()
    generate(out, hazards=20)
    assert vocab.read_text(encoding="utf-8") == "# hand-edited vocabularies\n[]\n", "a base file a person wrote is kept"


def test_hand_written_base_files_carry_no_generated_mark():
    for rel in ("vocabularies.yml", "jurisdiction.yml", "domains.yml", "organisations/towns.yml",
                "organisations/district.yml", "notices/haianweiban-2022-17.yml"):
        assert GENERATED_MARK not in (DATA / rel).read_text(encoding="utf-8"), rel


def test_synthetic_archive_validates_and_shrinks_cleanly(tmp_path):
    out = tmp_path / "big"
    generate(out, hazards=2000)
    archive, diagnostics = load_and_check(out)
    assert _errors(diagnostics) == []
    assert len(archive.of_type(Hazard)) == 2000 + 24  # the short campaign adds its own 24
    assert (out / "content" / "spec" / "haimen-evaluation-spec-2022.zh.md").is_file()
    generate(out, hazards=40)  # a smaller run removes the dossiers it no longer makes
    archive, diagnostics = load_archive(out)
    assert _errors(diagnostics) == []
    assert len(archive.of_type(Hazard)) == 40 + 24


def test_example_covers_what_the_issue_asks_for(example):
    archive, _ = example
    hazards = [h for h in archive.of_type(Hazard) if h.campaign == "zz2020"]
    assert len(hazards) >= 300
    assert {h.grade for h in hazards} == {"一般", "重大"}
    assert any(h.supervision and h.supervision.document for h in hazards)
    assert any(h.extensions for h in hazards)
    assert any(h.closure is None for h in hazards) and sum(h.closure is not None for h in hazards) > len(hazards) / 2
    assert len({h.discovery.source for h in hazards}) == 6
    sub_reports = [r for r in archive.of_type(SubReport) if r.campaign == "zz2020"]
    assert len({r.town for r in sub_reports}) >= 12
    assert {"优", "良", "中", "差"} <= {r.grade for r in sub_reports}
    months = {row.period for stats in archive.of_type(AccidentStatistics) for row in stats.rows}
    assert {f"{y}-{m:02d}" for y in range(2019, 2024) for m in range(1, 13)} <= months
    requests = archive.of_type(ExtensionRequest)
    assert [r.id for r in requests if r.decision and r.decision.granted] == ["zz2020-ext-reeval"]
    notices = archive.of_type(Notice)
    assert any(n.withdrawn for n in notices)
    assert any(n.kind == "circular" and n.document_number.startswith("海安委办〔2023〕") for n in notices)
    assert any(r.supersedes == "zz2020-sub-sanxing" for r in sub_reports)
    descriptions = [h.discovery.description for h in hazards]
    assert any("<script>alert(1)</script>" in d.zh for d in descriptions)
    assert sum(1 for d in descriptions if d.en is None) >= 3


def test_classified_records_carry_the_marker_phrases(example):
    archive, _ = example
    classified = [r for r in archive if getattr(r, "classification", None) in ("秘密", "机密")]
    assert len(classified) == 3
    text = "\n".join(r.model_dump_json() for r in classified)
    for suffix in "甲乙丙":
        phrase = f"绝密测试短语-不得出现在网站-{suffix}"
        assert phrase in text
    others = "\n".join(r.model_dump_json() for r in archive if r not in classified)
    assert "绝密测试短语" not in others


def test_every_generated_file_names_its_schema_first():
    for rel in _generated(DATA, ".yml"):
        first = (DATA / rel).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), rel
        schema = (DATA / rel).parent / first.split("$schema=", 1)[1]
        assert schema.resolve().is_file(), (rel, schema)


def test_command_refuses_an_archive_too_small_to_be_complete(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generators", "example-data", "--out", str(tmp_path / "x"),
                             "--hazards", "5"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "at least 20" in result.stderr
    assert not (tmp_path / "x").exists()
