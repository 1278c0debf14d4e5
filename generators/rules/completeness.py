"""What each stage must contain (arts. 9–11): self-assessments, grades, approvals, feedback.

Checked once the stage claims to be done — a draft may still be incomplete, and a stage not yet
due is shown by the timeline, not reported here:

* self-assessment (art. 9): every town in scope has exactly one; once submitted it has the report
  (at least one section) and the three lists (target tasks — when the campaign has any; hazards —
  when the campaign recorded any hazard in the town; typical experience), and the
  town's leader in charge approved it on or before the day it was submitted. A town without one is
  reported once the self-assessment is overdue or the re-evaluation is done;
* re-evaluation (art. 10), once the overall report is completed: every town in scope is graded
  exactly once, by a sub-report; each sub-report is approved (and fed back to its town: that is
  W306 of :mod:`generators.refs.checks`, not repeated here); the overall report is approved
  before it is completed (submitted to the office) and circulated;
* comprehensive review (art. 11), once completed: every industry domain in scope is graded
  exactly once; the report is approved before it is circulated;
* a submitted self-assessment report covers the nine evaluation contents of art. 5 (report-topics
  flagged ``evaluation-content``): W242 names the missing ones. The comprehensive review's report is
  structured by art. 11(3) (overall + sub-items), so it is not held to the nine;
* the grades vocabulary is the spec's four grades: exactly four terms, one flagged
  ``priority-advanced-collective`` (优) and one ``one-vote-veto`` (差) — the rules act on the flags.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from generators.diagnostics import Diagnostic
from generators.records import Archive
from generators.records.model import (
    Campaign,
    ComprehensiveReview,
    Hazard,
    OverallReport,
    SelfAssessment,
    SubReport,
)
from generators.rules.procedure import timeline
from generators.rules.records import standing

PRIORITY_FLAG = "priority-advanced-collective"
VETO_FLAG = "one-vote-veto"

CONTENT_FLAG = "evaluation-content"

_SELF = {"article": "第九条（三）/ art. 9(3)", "who": "区镇分管领导", "who_en": "the town's leader in charge",
         "then": "报送", "then_en": "submitted"}
_REPORT = {"article": "第十条（四）/ art. 10(4)", "who": "分管区领导", "who_en": "the district leader in charge",
           "then": "报送区安委办", "then_en": "submitted to the district office"}
_CIRCULATED = {"then": "通报", "then_en": "circulated"}
_FED_BACK = {"then": "反馈", "then_en": "fed back"}
_REVIEW = {"article": "第十一条（三）/ art. 11(3)", "who": "区分管领导", "who_en": "the district leader in charge",
           "then": "通报", "then_en": "circulated"}


def check_completeness(archive: Archive, as_of: dt.date) -> list[Diagnostic]:
    found = _check_grades_vocabulary(archive)
    for campaign in archive.of_type(Campaign):
        stages = {s.stage: s for s in timeline(archive, campaign.id, as_of)}
        found += _self_assessments(archive, campaign, stages)
        found += _re_evaluation(archive, campaign)
        found += _review(archive, campaign)
    return found


def _self_assessments(archive: Archive, campaign: Campaign, stages: dict) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    by_town: dict[str, list[SelfAssessment]] = defaultdict(list)
    for record in standing(archive, SelfAssessment, campaign.id):
        by_town[record.town].append(record)
        if record.submitted_on is not None:
            found += _submitted(archive, record)
    due_or_done = stages["self-assessment"].state in ("overdue", "done-late", "missing") or \
        stages["re-evaluation"].completed is not None
    for index, town in enumerate(campaign.scope.towns):
        where = archive.locate(campaign.id, ("scope", "towns", index))
        if not by_town.get(town) and due_or_done:
            found.append(Diagnostic.error("E230", where, campaign=campaign.id, town=town))
    found += _once_per_town(archive, campaign, by_town, ("自评材料", "self-assessments"))
    return found


def _submitted(archive: Archive, record: SelfAssessment) -> list[Diagnostic]:
    found = []
    parts = (("sections", "自评报告（sections）", "self-assessment report (sections)"),
             ("target_task_list", "目标任务完成情况清单", "target-task completion list"),
             ("hazard_list", "问题隐患整改情况清单", "hazard rectification list"),
             ("experience_list", "典型经验做法清单", "typical-experience list"))
    campaign = archive.get(record.campaign)
    needed = {
        "sections": True,
        "target_task_list": bool(getattr(campaign, "target_tasks", None)),
        # a town where the campaign found no hazard has nothing to list
        "hazard_list": any(h.town == record.town for h in standing(archive, Hazard, record.campaign)),
        "experience_list": True,
    }
    for field, zh, en in parts:
        if needed[field] and not getattr(record, field):
            found.append(Diagnostic.error("E231", archive.locate(record.id, ("submitted_on",)), part=zh, part_en=en))
    if record.sections:
        found += _contents_covered(archive, record.id, record.sections)
    found += _approval(archive, record.id, record.approval, (("submitted_on", record.submitted_on, {}),),
                       ("基层自评材料", "self-assessment"), _SELF)
    return found


def _contents_covered(archive: Archive, record_id: str, sections) -> list[Diagnostic]:
    """Art. 5: a report with sections covers every term flagged evaluation-content."""
    contents = [key for key, term in archive.vocabularies.get("report-topics", {}).items()
                if CONTENT_FLAG in term.flags]
    covered = {section.topic for section in sections}
    missing = [key for key in contents if key not in covered]
    if not missing:
        return []
    return [Diagnostic.warning(
        "W242", archive.locate(record_id, ("sections",)),
        missing="、".join(archive.label("report-topics", key, "zh") for key in missing),
        missing_en="; ".join(archive.label("report-topics", key, "en") for key in missing))]


def _approval(archive: Archive, record_id: str, approval, events, what: tuple[str, str],
              words: dict) -> list[Diagnostic]:
    """``events``: (field, date, words) of the steps that must come after the approval."""
    if approval is None:
        return [Diagnostic.error("E232", archive.locate(record_id), what=what[0], what_en=what[1], **words)]
    found = []
    for field, date, extra in events:
        if date is not None and approval.on > date:
            found.append(Diagnostic.error("E233", archive.locate(record_id, ("approval", "on")),
                                          approved=approval.on, date=date, field=field, **{**words, **extra}))
    return found


def _re_evaluation(archive: Archive, campaign: Campaign) -> list[Diagnostic]:
    reports = [r for r in standing(archive, OverallReport, campaign.id) if r.completed_on is not None]
    found: list[Diagnostic] = []
    for report in reports:
        circulated = report.circulated.on if report.circulated else None
        found += _approval(archive, report.id, report.approval,
                           (("completed_on", report.completed_on, {}), ("circulated", circulated, _CIRCULATED)),
                           ("总体报告", "overall report"), _REPORT)
    if not reports:
        return found
    by_town: dict[str, list[SubReport]] = defaultdict(list)
    for sub in standing(archive, SubReport, campaign.id):
        by_town[sub.town].append(sub)
        found += _approval(archive, sub.id, sub.approval, (("fed_back_on", sub.fed_back_on, _FED_BACK),),
                           ("子项报告", "sub-report"), _REPORT)
    for index, town in enumerate(campaign.scope.towns):
        if not by_town.get(town):
            found.append(Diagnostic.error("E235", archive.locate(campaign.id, ("scope", "towns", index)),
                                          campaign=campaign.id, town=town))
    found += _once_per_town(archive, campaign, by_town, ("子项报告（分级认定）", "graded sub-reports"))
    return found


def _once_per_town(archive: Archive, campaign: Campaign, by_town: dict, what: tuple[str, str]) -> list[Diagnostic]:
    """E234 at the second record when a town has more than one of a kind that it must have once."""
    return [Diagnostic.error("E234", archive.locate(records[1].id, ("town",)), campaign=campaign.id, town=town,
                             count=len(records), what=what[0], what_en=what[1],
                             ids=", ".join(r.id for r in records))
            for town, records in sorted(by_town.items()) if len(records) > 1]


def _review(archive: Archive, campaign: Campaign) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for review in standing(archive, ComprehensiveReview, campaign.id):
        if review.completed_on is None:
            continue
        circulated = review.circulated.on if review.circulated else None
        found += _approval(archive, review.id, review.approval, (("circulated", circulated, _CIRCULATED),),
                           ("综合评议报告", "comprehensive review report"), _REVIEW)
        counts: dict[str, list[int]] = defaultdict(list)
        for index, item in enumerate(review.domain_grades):
            counts[item.domain].append(index)
            if item.domain not in campaign.scope.domains:
                found.append(Diagnostic.warning("W239", archive.locate(review.id, ("domain_grades", index, "domain")),
                                                domain=item.domain, campaign=campaign.id))
        for domain, indexes in sorted(counts.items()):
            if len(indexes) > 1:
                found.append(Diagnostic.error("E238", archive.locate(review.id, ("domain_grades", indexes[1])),
                                              domain=domain, count=len(indexes)))
        for domain in campaign.scope.domains:
            if domain not in counts:
                found.append(Diagnostic.error("E237", archive.locate(review.id, ("domain_grades",)),
                                              campaign=campaign.id, domain=domain))
    return found


def _check_grades_vocabulary(archive: Archive) -> list[Diagnostic]:
    terms = archive.vocabularies.get("grades")
    if terms is None or "grades" not in archive.records:
        return []  # reported by the loader (E024) where a grade is used
    where = archive.locate("grades", ("terms",))
    found = []
    if len(terms) != 4:
        found.append(Diagnostic.error("E240", where, count=len(terms)))
    for flag in (PRIORITY_FLAG, VETO_FLAG):
        count = sum(flag in term.flags for term in terms.values())
        if count != 1:
            found.append(Diagnostic.error("E241", where, flag=flag, count=count))
    return found
