"""Completeness of each stage (arts. 9–11): every violation alone, with its exact code and place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generators.records import load_archive
from generators.rules.completeness import check_completeness
from tests.conftest import ROOT
from tests.rules_fixture import AS_OF, FILES, build, edit, files


def found(archive):
    diagnostics = check_completeness(archive, AS_OF)
    for d in diagnostics:  # every placeholder filled, in both languages
        assert "{" not in d.format("en") and "{" not in d.format("zh"), d.format("en")
    return sorted((d.code, Path(d.location.path).name, d.location.line, d.location.col) for d in diagnostics)


SECOND_SANXING = edit("self-sanxing.yml", "id: c1-self-sanxing", "id: c1-self-sanxing-2")
SECOND_CHANGLE_SUB = edit("sub-changle.yml", "id: c1-sub-changle", "id: c1-sub-changle-2")
NINE = re.search(r"sections: \[(.*)\]", FILES["self-sanxing.yml"]).group(1)  # the nine contents of art. 5
REVIEW_GRADES = "  - {domain: hazchem, grade: 良}\n  - {domain: fire-safety, grade: 优}\n"

CASES = [
    ("complete", {}, []),
    ("town without self-assessment", {"self_changle_yml": None}, [("E230", "campaign.yml", 8, 20)]),
    ("self-assessment without a list",
     {"self_sanxing_yml": edit("self-sanxing.yml", "experience_list:\n  - {title: {zh: 经验一}}\n", "")},
     [("E231", "self-sanxing.yml", 6, 15)]),
    ("self-assessment without a hazard list",
     {"self_sanxing_yml": edit("self-sanxing.yml", "hazard_list:\n  - {hazard: h-sanxing-1, status: rectified}\n", "")},
     [("E231", "self-sanxing.yml", 6, 15)]),
    ("a town with no hazards has no hazard list to give",
     {"self_sanxing_yml": edit("self-sanxing.yml", "hazard_list:\n  - {hazard: h-sanxing-1, status: rectified}\n", ""),
      "hazards_yml": edit("hazards.yml", "  town: sanxing\n", "  town: changle\n")},
     []),
    ("self-assessment without its report",
     {"self_sanxing_yml": edit("self-sanxing.yml", "sections: [" + NINE + "]\n", "")},
     [("E231", "self-sanxing.yml", 6, 15)]),
    ("self-assessment not approved",
     {"self_sanxing_yml": edit("self-sanxing.yml", 'approval: {by: p-sanxing, "on": 2024-01-24}\n', "")},
     [("E232", "self-sanxing.yml", 1, 1)]),
    ("self-assessment approved after submission",
     {"self_sanxing_yml": edit("self-sanxing.yml", '"on": 2024-01-24', '"on": 2024-01-26')},
     [("E233", "self-sanxing.yml", 7, 33)]),
    ("two self-assessments for one town", {"self_sanxing_2_yml": SECOND_SANXING},
     [("E234", "self-sanxing-2.yml", 5, 7)]),
    ("a revision is not a second self-assessment",
     {"self_sanxing_2_yml": SECOND_SANXING.replace("town: sanxing", "town: sanxing\nversion: 2\n"
                                                   "supersedes: c1-self-sanxing\nchange_note: {zh: 更正}")},
     []),
    ("self-assessment report missing evaluation contents",
     {"self_sanxing_yml": edit("self-sanxing.yml", "{topic: philosophy, body: {zh: 情况。}}, ", "")
      .replace("{topic: other, body: {zh: 情况。}}", "{topic: situation, body: {zh: 情况。}}")},
     [("W242", "self-sanxing.yml", 8, 11)]),
    ("town not graded", {"sub_changle_yml": None}, [("E235", "campaign.yml", 8, 20)]),
    ("town graded twice", {"sub_changle_2_yml": SECOND_CHANGLE_SUB}, [("E234", "sub-changle-2.yml", 5, 7)]),
    ("sub-report not approved",
     {"sub_sanxing_yml": edit("sub-sanxing.yml", 'approval: {by: p-district, "on": 2024-02-23}\n', "")},
     [("E232", "sub-sanxing.yml", 1, 1)]),
    ("overall report not approved",
     {"overall_yml": edit("overall.yml", 'approval: {by: p-district, "on": 2024-02-23}\n', "")},
     [("E232", "overall.yml", 1, 1)]),
    ("overall report approved after it was submitted",
     {"overall_yml": edit("overall.yml", '"on": 2024-02-23', '"on": 2024-02-27')},
     [("E233", "overall.yml", 6, 34)]),
    ("overall report approved after it was circulated",
     {"overall_yml": edit("overall.yml", '"on": 2024-02-23', '"on": 2024-02-29')},
     [("E233", "overall.yml", 6, 34), ("E233", "overall.yml", 6, 34)]),
    ("review circulated without approval",
     {"review_yml": edit("review.yml", 'approval: {by: p-district, "on": 2024-03-18}\n', "")},
     [("E232", "review.yml", 1, 1)]),
    ("domain not graded",
     {"review_yml": edit("review.yml", "  - {domain: fire-safety, grade: 优}\n", "")},
     [("E237", "review.yml", 10, 3)]),
    ("domain graded twice",
     {"review_yml": edit("review.yml", REVIEW_GRADES, REVIEW_GRADES + "  - {domain: hazchem, grade: 中}\n")},
     [("E238", "review.yml", 12, 5)]),
    ("domain out of scope graded",
     {"review_yml": edit("review.yml", REVIEW_GRADES, REVIEW_GRADES + "  - {domain: road, grade: 中}\n")},
     [("W239", "review.yml", 12, 14)]),
]


@pytest.mark.parametrize(("name", "changes", "expected"), CASES, ids=[c[0] for c in CASES])
def test_completeness(tmp_path, name, changes, expected):
    assert found(build(tmp_path, files(**changes))) == expected


def test_a_missing_self_assessment_is_not_reported_before_it_is_due(tmp_path):
    import datetime as dt

    later = {k: None for k in ("overall_yml", "sub_sanxing_yml", "sub_changle_yml", "review_yml",
                               "rect_sanxing_yml", "rect_changle_yml", "self_changle_yml")}
    archive = build(tmp_path, files(**later))
    assert check_completeness(archive, dt.date(2024, 1, 20)) == []
    assert [d.code for d in check_completeness(archive, dt.date(2024, 1, 31))] == ["E230"]


VOCABULARY = (ROOT / "data" / "vocabularies.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    - {key: 差, label: {zh: 差, en: Poor}, flags: [one-vote-veto]}\n",
     "    - {key: 差, label: {zh: 差, en: Poor}, flags: [one-vote-veto]}\n    - {key: 较差, label: {zh: 较差}}\n",
     ["E240"]),
    ("flags: [one-vote-veto]}", "}", ["E241"]),
    ("{zh: 优, en: Excellent}, flags: [priority-advanced-collective]}", "{zh: 优, en: Excellent}}", ["E241"]),
])
def test_the_grades_are_the_four_of_the_spec(tmp_path, old, new, expected):
    folder = tmp_path / "data"
    build(folder, {})
    assert old in VOCABULARY
    (folder / "vocabularies.yml").write_text(VOCABULARY.replace(old, new), encoding="utf-8")
    archive, _ = load_archive(folder)
    assert [(d.code, Path(d.location.path).name) for d in check_completeness(archive, AS_OF)] == [
        (code, "vocabularies.yml") for code in expected]


def test_fixture_files_are_all_used():
    assert set(FILES) >= {"campaign.yml", "review.yml"}


def test_a_sub_report_not_fed_back_is_reported_once(tmp_path):
    """Feedback to the town (art. 10(4)) is W306 of the reference checks; the rules do not repeat it."""
    from generators.checks import run_checks

    archive = build(tmp_path, files(sub_sanxing_yml=edit("sub-sanxing.yml", "fed_back_on: 2024-02-29\n", "")))
    assert found(archive) == []
    assert [d.code for d in run_checks(archive, AS_OF) if "sub-sanxing" in d.location.path] == ["W306"]
