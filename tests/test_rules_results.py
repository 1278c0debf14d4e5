"""Use of results (arts. 15–16): the consequences table, effects read from vocabulary flags."""

from __future__ import annotations

from generators.records import load_archive
from generators.rules.results import consequences
from tests.conftest import ROOT
from tests.rules_fixture import build, edit, files


def table(archive):
    return [(r.unit_kind, r.unit, r.organisation, r.grade, r.source, r.priority_advanced_collective, r.veto,
             r.loses_collective_eligibility, r.principal_leader_loses_individual_eligibility)
            for r in consequences(archive, "c1")]


def test_consequences_of_the_fixture(tmp_path):
    assert table(build(tmp_path, files())) == [
        ("town", "sanxing", "sanxing", "优", "c1-sub-sanxing", True, False, False, False),
        ("town", "changle", "changle", "差", "c1-sub-changle", False, True, True, True),
        ("domain", "hazchem", "emergency", "良", "c1-review", False, False, False, False),
        ("domain", "fire-safety", "fire", "优", "c1-review", True, False, False, False),
    ]


def test_no_grades_yet(tmp_path):
    archive = build(tmp_path, files(sub_sanxing_yml=None, sub_changle_yml=None, review_yml=None))
    assert consequences(archive, "c1") == []


def test_effects_follow_the_flags_not_the_characters(tmp_path):
    """Move the veto flag from 差 to 中 in the vocabulary: 中 now vetoes, 差 does not."""
    folder = tmp_path / "data"
    build(folder, files(sub_changle_yml=edit("sub-changle.yml", "grade: 差", "grade: 中")))
    text = (ROOT / "data" / "vocabularies.yml").read_text(encoding="utf-8")
    text = text.replace("{zh: 差, en: Poor}, flags: [one-vote-veto]}", "{zh: 差, en: Poor}}")
    fair = "{key: 中, label: {zh: 中, en: Fair}"
    assert fair + "}" in text
    text = text.replace(fair + "}", fair + ", flags: [one-vote-veto]}")
    (folder / "vocabularies.yml").write_text(text, encoding="utf-8")
    archive, _ = load_archive(folder)
    rows = {r.unit: r for r in consequences(archive, "c1")}
    assert rows["changle"].grade == "中" and rows["changle"].veto and rows["changle"].loses_collective_eligibility
