"""The procedure of arts. 7–13: deadlines, states, extensions, stages by duration, each from a small archive."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generators.rules.check import check_procedure
from generators.rules.procedure import timeline
from generators.rules.report import timeline_text
from tests.rules_fixture import AS_OF, build, edit, files

D = dt.date

EXPLANATION = 'explanation: {zh: 评估范围面广量大，申请延期。}\n'


def extension(filed: str, requested: str, *, stage: str = "re-evaluation", granted: str | None = "true",
              explained: bool = True) -> str:
    text = (f"type: extension-request\nid: c1-ext\ntitle: {{zh: 延期申请}}\ncampaign: c1\nstage: {stage}\n"
            f"filed_on: {filed}\nrequested_due: {requested}\n")
    if explained:
        text += EXPLANATION
    if granted is not None:
        text += f'decision: {{granted: {granted}, "on": {filed}, by: office}}\n'
    return text


def states(archive, as_of=AS_OF):
    return {s.stage: s for s in timeline(archive, "c1", as_of)}


def codes(archive, as_of=AS_OF):
    diagnostics = check_procedure(archive, as_of)
    for d in diagnostics:  # every placeholder filled, in both languages
        assert "{" not in d.format("en") and "{" not in d.format("zh"), d.format("en")
    found = [(d.code, Path(d.location.path).name, d.location.line) for d in diagnostics]
    return sorted(found, key=lambda c: (c[1], c[2], c[0]))


LATER = {"overall_yml": None, "sub_sanxing_yml": None, "sub_changle_yml": None, "review_yml": None,
         "rect_sanxing_yml": None, "rect_changle_yml": None}


def test_the_complete_fixture_is_on_time(tmp_path):
    archive = build(tmp_path, files())
    found = states(archive)
    table = {k: (s.trigger_date, s.days, s.raw_due, s.due, s.completed, s.state) for k, s in found.items()}
    assert table == {
        "preparation": (D(2023, 12, 31), 10, D(2024, 1, 10), D(2024, 1, 10), D(2024, 1, 8), "done-on-time"),
        "self-assessment": (D(2023, 12, 31), 30, D(2024, 1, 30), D(2024, 1, 30), D(2024, 1, 26), "done-on-time"),
        "re-evaluation": (D(2024, 1, 26), 30, D(2024, 2, 25), D(2024, 2, 26), D(2024, 2, 26), "done-on-time"),
        "comprehensive-review": (D(2024, 2, 26), 30, D(2024, 3, 27), D(2024, 3, 27), D(2024, 3, 20), "done-on-time"),
        "rectification": (None, None, None, None, D(2024, 4, 12), "done"),
    }
    assert found["re-evaluation"].moved and found["re-evaluation"].calendar == "chinesecalendar 1.11.0"
    assert found["self-assessment"].evidence_id == "c1-self-changle"
    assert (found["re-evaluation"].trigger_id, found["re-evaluation"].trigger_field) == ("c1-self-changle",
                                                                                          ("submitted_on",))
    assert codes(archive) == []


def test_a_late_stage(tmp_path):
    archive = build(tmp_path, files(self_changle_yml=edit("self-changle.yml", "submitted_on: 2024-01-26",
                                                          "submitted_on: 2024-02-02")))
    found = states(archive)
    assert (found["self-assessment"].state, found["self-assessment"].late_by) == ("done-late", 3)
    # the re-evaluation counts from the actual end: 2/2 + 30 = 3/3 (Sun) → 3/4
    assert (found["re-evaluation"].raw_due, found["re-evaluation"].due) == (D(2024, 3, 3), D(2024, 3, 4))
    assert codes(archive) == [("W210", "self-changle.yml", 6)]
    message = check_procedure(archive, AS_OF)[0].message("en")
    assert "completed on 2024-02-02, 3 days after its last day 2024-01-30" in message
    assert "2023-12-31 + 30 days" in message


def test_an_overdue_stage(tmp_path):
    archive = build(tmp_path, files(**LATER))
    found = states(archive)
    assert (found["re-evaluation"].state, found["re-evaluation"].overdue_by) == ("overdue", 96)
    assert found["comprehensive-review"].state == "waiting"
    assert found["rectification"].state == "due"
    assert codes(archive) == [("W211", "self-changle.yml", 6)]
    assert states(archive, D(2024, 2, 26))["re-evaluation"].state == "due"


def test_a_skipped_stage_is_missing(tmp_path):
    archive = build(tmp_path, files(plan_yml=None))
    assert states(archive)["preparation"].state == "missing"
    assert codes(archive) == [("E212", "campaign.yml", 1)]


def test_a_valid_granted_extension_moves_the_due_date(tmp_path):
    # 2/9 → 2/26: 2/18 (make-up Sunday), 2/19–23, 2/26 = 7 working days: just in time
    archive = build(tmp_path, files(
        extension_yml=extension("2024-02-09", "2024-03-15"),
        overall_yml=edit("overall.yml", "completed_on: 2024-02-26", "completed_on: 2024-03-08")))
    status = states(archive)["re-evaluation"]
    assert (status.original_due, status.due, status.extension, status.state) == (
        D(2024, 2, 26), D(2024, 3, 15), "c1-ext", "done-on-time")
    (ext,) = status.extensions
    assert (ext.working_days_before, ext.latest_filing_day, ext.valid) == (7, D(2024, 2, 17), True)
    # 3/8 + 30 = 4/7, a Sunday that is a make-up working day after Qingming: no move
    review = states(archive)["comprehensive-review"]
    assert (review.raw_due, review.due) == (D(2024, 4, 7), D(2024, 4, 7))
    assert codes(archive) == []
    pending = build(tmp_path / "b", files(extension_yml=extension("2024-02-09", "2024-03-15"), **LATER))
    assert states(pending, D(2024, 3, 1))["re-evaluation"].state == "extended"
    assert states(pending, D(2024, 3, 16))["re-evaluation"].overdue_by == 1


def test_an_extension_filed_too_late_does_not_move_the_due_date(tmp_path):
    archive = build(tmp_path, files(
        extension_yml=extension("2024-02-18", "2024-03-15"),
        overall_yml=edit("overall.yml", "completed_on: 2024-02-26", "completed_on: 2024-03-08")))
    status = states(archive)["re-evaluation"]
    assert (status.due, status.extension, status.state, status.late_by) == (D(2024, 2, 26), None, "done-late", 11)
    assert status.extensions[0].problems == ("filed-late",)
    assert codes(archive) == [("W218", "extension.yml", 6), ("W210", "overall.yml", 5)]
    text = timeline_text(archive, AS_OF, "en")
    assert "extension request c1-ext: filed 2024-02-18 (Sun), 6 working days before" in text
    assert "latest valid filing day 2024-02-17 (Sat)" in text


@pytest.mark.parametrize(("content", "expected"), [
    (extension("2024-02-09", "2024-03-15", explained=False), [("E217", "extension.yml", 1)]),
    (extension("2024-01-09", "2024-02-15", stage="self-assessment"), [("E216", "extension.yml", 5)]),
    (extension("2024-02-09", "2024-02-20"), [("E219", "extension.yml", 7)]),
])
def test_extension_faults(tmp_path, content, expected):
    archive = build(tmp_path, files(extension_yml=content))
    assert codes(archive) == expected
    assert states(archive)["re-evaluation"].extension is None


def test_a_pending_extension_is_shown_but_moves_nothing(tmp_path):
    archive = build(tmp_path, files(extension_yml=extension("2024-02-09", "2024-03-15", granted=None), **LATER))
    status = states(archive, D(2024, 2, 20))["re-evaluation"]
    assert (status.due, status.state, status.extensions[0].decision) == (D(2024, 2, 26), "due", "pending")


SHORT = edit("campaign.yml", "start: 2023-01-01", "start: 2023-01-02")


def test_a_short_campaign_needs_the_lead_departments_filed_review(tmp_path):
    review = edit("review.yml", "reviewer: office", "reviewer: emergency").replace(
        "completed_on: 2024-03-20", "completed_on: 2024-03-20\nfiled_with_office_on: 2024-03-25")
    archive = build(tmp_path, files(campaign_yml=SHORT, review_yml=review, rect_sanxing_yml=None,
                                    rect_changle_yml=None))
    found = states(archive)
    assert [s.required for s in found.values()] == [True, True, True, True, False]
    assert (found["comprehensive-review"].completed, found["comprehensive-review"].state) == (D(2024, 3, 25),
                                                                                            "done-on-time")
    assert found["rectification"].state == "not-required"
    assert codes(archive) == []


def test_a_short_campaign_review_not_filed(tmp_path):
    review = edit("review.yml", "reviewer: office", "reviewer: emergency")
    archive = build(tmp_path, files(campaign_yml=SHORT, review_yml=review, rect_sanxing_yml=None,
                                    rect_changle_yml=None))
    assert states(archive)["comprehensive-review"].state == "overdue"
    assert codes(archive) == [("W211", "overall.yml", 5), ("W215", "review.yml", 6)]


def test_a_short_campaign_with_superfluous_stages(tmp_path):
    archive = build(tmp_path, files(campaign_yml=SHORT))
    found = states(archive)
    assert found["rectification"].state == "superfluous"
    assert found["comprehensive-review"].state == "overdue"  # the office's review does not count
    assert codes(archive) == [("W211", "overall.yml", 5), ("W213", "rect-changle.yml", 1),
                              ("W213", "review.yml", 5)]


def test_a_long_campaign_reviewed_by_the_wrong_body(tmp_path):
    archive = build(tmp_path, files(review_yml=edit("review.yml", "reviewer: office", "reviewer: emergency")))
    assert states(archive)["comprehensive-review"].state == "overdue"
    assert ("E214", "review.yml", 5) in codes(archive)


def test_the_evaluation_plan_may_set_the_self_assessment_deadline(tmp_path):
    plan = edit("plan.yml", "issued_on: 2024-01-08", "issued_on: 2024-01-08\nself_assessment_due: 2024-02-03")
    archive = build(tmp_path, files(plan_yml=plan))
    status = states(archive)["self-assessment"]
    # Saturday 2/3 is a rest day; Sunday 2/4 is a make-up working day
    assert (status.trigger_key, status.trigger_id, status.raw_due, status.due) == (
        "plan-deadline", "c1-plan", D(2024, 2, 3), D(2024, 2, 4))


def test_a_deadline_in_an_uncovered_year_is_an_error_naming_the_file(tmp_path):
    campaign = edit("campaign.yml", "end: 2023-12-31", "end: 2026-12-20")
    plan = edit("plan.yml", "issued_on: 2024-01-08", "issued_on: 2026-12-22")
    archive = build(tmp_path, files(campaign_yml=campaign, plan_yml=plan, self_sanxing_yml=None,
                                    self_changle_yml=None, **LATER))
    found = states(archive, D(2026, 12, 25))
    assert (found["preparation"].due, found["preparation"].state) == (D(2026, 12, 30), "done-on-time")
    assert (found["self-assessment"].state, found["self-assessment"].missing_year) == ("no-calendar", 2027)
    diagnostics = check_procedure(archive, D(2026, 12, 25))
    assert [(d.code, Path(d.location.path).name, d.location.line) for d in diagnostics] == [
        ("E201", "campaign.yml", 5)]
    assert "2027" in diagnostics[0].message("en")
    assert f"{tmp_path.name}/calendars/2027.yml" in diagnostics[0].hint("en")
    assert "无法计算" in timeline_text(archive, D(2026, 12, 25), "zh")


SCHEDULE = """schedule:
  - {stage: preparation, due: 2024-01-10}
  - {stage: self-assessment, due: 2024-01-30}
  - {stage: re-evaluation, due: 2024-02-29}
  - {stage: comprehensive-review, due: 2024-03-29}
  - {stage: rectification, due: 2024-04-30}
"""


@pytest.mark.parametrize(("campaign", "schedule", "expected"), [
    (None, SCHEDULE, []),
    (None, SCHEDULE.replace("  - {stage: re-evaluation, due: 2024-02-29}\n", ""), [("W222", "plan.yml", 7)]),
    (None, SCHEDULE.replace("self-assessment, due: 2024-01-30", "self-assessment, due: 2024-02-05"),
     [("W223", "plan.yml", 8)]),
    (SHORT, SCHEDULE, [("W221", "plan.yml", 11), ("W211", "overall.yml", 5),
                                                ("W213", "rect-changle.yml", 1), ("W213", "review.yml", 5)]),
])
def test_the_evaluation_plans_schedule(tmp_path, campaign, schedule, expected):
    plan = edit("plan.yml", "leading_group:", schedule + "leading_group:")
    archive = build(tmp_path, files(plan_yml=plan, **({"campaign_yml": campaign} if campaign else {})))
    assert codes(archive) == sorted(expected, key=lambda c: (c[1], c[2], c[0]))


def test_a_campaign_still_running_has_not_started_its_evaluation(tmp_path):
    archive = build(tmp_path, files(plan_yml=None, self_sanxing_yml=None, self_changle_yml=None, **LATER))
    found = states(archive, D(2023, 11, 30))
    assert (found["preparation"].state, found["preparation"].due) == ("not-started", D(2024, 1, 10))
    assert found["re-evaluation"].state == "waiting"
    assert "not started" in timeline_text(archive, D(2023, 11, 30), "en")
    assert codes(archive, D(2023, 11, 30)) == []


def test_a_campaign_that_ends_before_it_starts(tmp_path):
    archive = build(tmp_path, files(campaign_yml=edit("campaign.yml", "start: 2023-01-01", "start: 2024-01-01")))
    assert ("E209", "campaign.yml", 5) in codes(archive)


def test_every_rules_code_has_a_test():
    import generators.rules.check
    import generators.rules.completeness  # noqa: F401 - registers its codes
    from generators.messages import MESSAGES

    # A rules code may be tested where its threat is (the hostile-input suite plants some of them).
    tests = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    codes_ = [code for code in MESSAGES if code[0] in "EW" and code[1] == "2"]
    assert len(codes_) > 30
    assert [code for code in codes_ if f'"{code}"' not in tests] == []
