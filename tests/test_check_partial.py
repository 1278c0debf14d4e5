"""All problems at once: a file with a YAML syntax error and a record with a misspelt field do not
hide the rule and reference problems of the records that loaded; what cannot be judged without
them is held back, and a note says so at each file."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from generators.checks import load_and_check
from generators.commands.check import summary
from tests.conftest import ROOT
from tests.planting import at, example_copy, located, plant, position

EPOCH = "1735660800"  # 2025-01-01: every stage of the example is due
BROKEN = "data/campaigns/rq2023/hazards/HZ-2023-0005.yml"
MISSPELT = "data/campaigns/zz2020/rectification/look-backs.yml"
NOTICE = "data/notices/zz2020-listing-202206.yml"


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    root = tmp_path_factory.mktemp("partial")
    data = example_copy(root)
    places = {
        # the loading errors: a syntax error (the whole file is lost) and a misspelt field (one record)
        "syntax": plant(root, BROKEN, "town: kaifaqu\n", "town: kaifaqu\n  bad: [indent\n", at=": [indent"),
        "misspelt": plant(root, MISSPELT, "  department: fire\n", "  departmnt: fire\n", at="departmnt"),
        # rule faults in records that load (one of them in the broken file's own campaign)
        "town-kind": plant(root, "data/campaigns/rq2023/hazards/HZ-2023-0001.yml", "town: sanxing",
                           "town: emergency", at="emergency"),
        "approval-late": plant(root, "data/campaigns/zz2020/self-assessments/yudong.yml", "'on': 2023-01-19",
                               "'on': 2023-01-25", at="2023-01-25"),
        # reference faults in records that load
        "field-ref": plant(root, "data/campaigns/zz2020/self-assessments/yudong.yml", "- hazard: HZ-2022-0009",
                           "- hazard: HZ-2022-9009", at="HZ-2022-9009"),
        "prose-ref": plant(root, NOTICE, "- [[HZ-2022-0048]]　", "- [[HZ-2022-9048]]　", at="[[HZ-2022-9048]]"),
        "malformed": plant(root, NOTICE, "（本记录为虚构示例数据）", "见[[HZ-2022-0048|]]。", at="[[HZ-2022-0048|]]"),
    }
    # the loaded sub-report and self-assessment of Kaifaqu name the hazard whose file is broken
    places["ref-into-broken"] = position(root, "data/campaigns/rq2023/self-assessments/kaifaqu.yml",
                                         "HZ-2023-0005")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        archive, diagnostics = load_and_check(data)
    return root, places, located(diagnostics, root), diagnostics, archive


@pytest.mark.parametrize("fault, code", [
    ("syntax", "E001"), ("misspelt", "E011"),
    ("town-kind", "E260"), ("approval-late", "E233"),
    ("field-ref", "E021"), ("prose-ref", "E301"), ("malformed", "W310"),
])
def test_every_problem_is_reported_at_once(planted, fault, code):
    _, places, found, _, _ = planted
    assert at(code, places[fault]) in found


def test_a_reference_into_the_broken_file_is_not_to_nothing(planted):
    _, places, found, diagnostics, _ = planted
    assert not [d for d in diagnostics if d.code in ("E021", "E301") and "HZ-2023-0005" in str(d.params)]
    assert not [f for f in found if f[1] == places["ref-into-broken"][0] and f[0] in ("E021", "W303")]


def test_whole_campaign_checks_wait_for_the_campaigns_of_the_broken_files(planted):
    _, _, _, diagnostics, _ = planted
    campaign_wide = {"W210", "W211", "E212", "E230", "E235", "W303", "W307"}
    # the example's own W210 and W303 are zz2020's, whose look-back did not load: held back
    assert not [d for d in diagnostics if d.code in campaign_wide and dict(d.params).get("campaign") in
                ("rq2023", "zz2020")]


def test_a_note_at_each_file_says_which_records_and_checks_wait(planted):
    _, _places, _found, diagnostics, archive = planted
    notes = {d.location.path.rsplit("/data/", 1)[-1]: d for d in diagnostics if d.code == "N001"}
    assert set(notes) == {BROKEN.removeprefix("data/"), MISSPELT.removeprefix("data/")}
    broken = notes[BROKEN.removeprefix("data/")]
    assert not broken.is_error
    assert "HZ-2023-0005" in broken.message("en") and "rq2023" in broken.message("en")
    assert f"the other {len(archive.records)} records were checked" in broken.message("en")
    assert "zz2020-lookback-2" in notes[MISSPELT.removeprefix("data/")].message("zh")
    assert broken.format("en").startswith(f"{broken.location}: note[N001]: ")


def test_summary_counts_notes_apart_and_points_to_them(planted):
    _, _, _, diagnostics, archive = planted
    errors = sum(d.is_error for d in diagnostics)
    warnings = sum(d.severity.value == "warning" for d in diagnostics)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LANG", "en_GB.UTF-8")
        patch.delenv("LC_ALL", raising=False)
        patch.delenv("LC_MESSAGES", raising=False)
        line = summary(archive, diagnostics)
    assert f"; {errors} errors, {warnings} warnings; the notes above say which records" in line


def test_a_check_that_cannot_run_on_the_partial_archive_says_so(tmp_path):
    data = example_copy(tmp_path)
    plant(tmp_path, "data/jurisdiction.yml", "type: jurisdiction", "type: jurisdictio")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "LANG": "C.UTF-8", "LC_ALL": ""}
    done = subprocess.run([sys.executable, "-m", "generators", "check", "--data", str(data)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "error[E010]" in done.stderr and "note[N001]" in done.stderr
    assert "note[N002]: the check 'check_" in done.stderr  # the checks that need the jurisdiction


def test_a_broken_vocabulary_file_is_one_error_not_thousands(tmp_path):
    """Every kind, grade and status is judged by the vocabularies: when their file does not load,
    what they would judge waits (no 'not in the vocabulary', no town 'of the wrong kind')."""
    data = example_copy(tmp_path)
    plant(tmp_path, "data/vocabularies.yml", "  id: grades\n", "  id: grades\n  bad: [x\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        _, diagnostics = load_and_check(data)
    shown = [(d.code, *d.location.path.rsplit("/data/", 1)[-1:], d.location.line) for d in diagnostics]
    assert [d.code for d in diagnostics if d.is_error] == ["E001"], shown[:10]
    assert {(code, name) for code, name, *_ in located(diagnostics, tmp_path)} == {
        ("E001", "data/vocabularies.yml"), ("N001", "data/vocabularies.yml")}
    (note,) = [d for d in diagnostics if d.code == "N001"]
    assert "every campaign" in note.message("en") and "grades" in note.message("en")
