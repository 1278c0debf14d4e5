"""The evaluation procedure of one campaign (arts. 7–13): which stages, their deadlines, their state.

:func:`timeline` is the one computation of a campaign's procedure; ``make check``, the site and
the printed documents all show its result. Everything a reader needs to recompute a deadline by
hand is in each :class:`StageStatus`: the trigger and where it was recorded, N days, the raw last
day, the working day it moved to, and the calendar used.

Stages and deadlines:

==================== ================================ ======= =====================================
stage                counted from (trigger)           days    completed by
==================== ================================ ======= =====================================
preparation          campaign ``end``                 10      evaluation plan ``issued_on``
self-assessment      campaign ``end``                 30 [1]  last in-scope town's ``submitted_on``
re-evaluation        self-assessment completed        30 [2]  overall report ``completed_on``
comprehensive-review re-evaluation completed          30 [2]  review ``completed_on`` (by the
                                                              office); short campaigns: the lead
                                                              department's review
                                                              ``filed_with_office_on`` [3]
rectification        —                                —       every in-scope town has a
                                                              rectification plan (no deadline)
==================== ================================ ======= =====================================

[1] Art. 9(4): the evaluation plan's ``self_assessment_due`` prevails when it sets one (moved to
    a working day like any last day).
[2] Art. 10(5), 11(4): may be extended. An extension request is valid when it has a written
    explanation and was filed at least 7 working days before the due date (see
    :mod:`generators.rules.calendar` for the counting); a valid, granted request moves the due date
    to ``requested_due``. Art. 10(5) states the 7-day rule for the re-evaluation; the same rule is
    applied to the comprehensive review, which art. 11(4) lets be extended without saying how.
    Preparation and self-assessment cannot be extended.
[3] Art. 13 gives the lead department's review of a short campaign no deadline of its own; the
    30 days of art. 11(4) are applied.

"Ends" is the actual completion: the re-evaluation is due 30 days after the last town submitted
(not after the self-assessment's due date). Art. 13: a campaign of one year or longer
(:func:`~generators.rules.calendar.one_year_or_longer`) needs all five stages; a shorter one needs
preparation, self-assessment, re-evaluation and the lead department's comprehensive review filed
with the office; rectification is then not required.

States: ``done-on-time``, ``done-late`` (late_by calendar days), ``done`` (completed, no deadline
to judge by: rectification, or a stage whose trigger is missing), ``due`` (not yet completed,
last day not passed), ``extended`` (like due, on an extended last day), ``not-started`` (its trigger date, e.g. the
campaign's end, is still ahead of the build date), ``overdue`` (overdue_by
calendar days as of the build date), ``waiting`` (its trigger has not happened yet), ``missing``
(not completed although a later stage was), ``not-required``, ``superfluous`` (recorded although
not required), ``no-calendar`` (the last day needs a year no calendar covers).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from generators.records import Archive
from generators.records.model import (
    Campaign,
    ComprehensiveReview,
    EvaluationPlan,
    ExtensionRequest,
    OverallReport,
    RectificationPlan,
    SelfAssessment,
)
from generators.records.types import Text
from generators.records.yamlio import PathT
from generators.rules.calendar import CalendarMissing, DatedResult, WorkCalendar, one_year_or_longer
from generators.rules.records import campaign as get_campaign
from generators.rules.records import office, standing

STAGES = ("preparation", "self-assessment", "re-evaluation", "comprehensive-review", "rectification")
EXTENDABLE = frozenset({"re-evaluation", "comprehensive-review"})
EXTENSION_NOTICE_WORKING_DAYS = 7
DONE_STATES = frozenset({"done-on-time", "done-late", "done"})
# Every state a stage can be in; their words are the catalogue's ("state.<name>", generators/words.py).
STATE_NAMES = ("done-on-time", "done-late", "done", "due", "extended", "overdue", "waiting", "not-started", "missing",
               "not-required", "superfluous", "no-calendar")

TRIGGERS = {
    "campaign-end": Text(zh="专项整治结束", en="end of the campaign"),
    "plan-deadline": Text(zh="评估工作方案规定时限", en="deadline set by the evaluation plan"),
    "self-assessment-end": Text(zh="基层自评结束", en="end of the self-assessment"),
    "re-evaluation-end": Text(zh="行业复评结束", en="end of the re-evaluation"),
    "none": Text(zh="无法定时限", en="no statutory deadline"),
}
ARTICLES = {
    "preparation": "8(1)",
    "self-assessment": "9(4)",
    "re-evaluation": "10(5)",
    "comprehensive-review": "11(4)",
    "rectification": "12",
}


@dataclass(frozen=True)
class Extension:
    """One extension request as the procedure judges it."""

    id: str
    filed_on: dt.date
    requested_due: dt.date
    working_days_before: int | None  # working days after filing up to the original due date
    latest_filing_day: dt.date | None
    explained: bool
    decision: str  # granted | refused | pending
    valid: bool
    problems: tuple[str, ...]  # keys: not-extendable, no-explanation, filed-late, not-later, no-deadline


@dataclass(frozen=True)
class StageStatus:
    stage: str
    required: bool
    trigger_label: Text
    trigger_date: dt.date | None
    days: int | None
    due: dt.date | None  # the last day in force (after a granted, valid extension)
    calendar: str
    completed: dt.date | None
    state: str  # one of STATE_NAMES
    late_by: int | None = None
    overdue_by: int | None = None
    extension: str | None = None  # the extension that moved the due date
    evidence_id: str | None = None  # the record that completes the stage
    trigger_key: str = "none"
    trigger_id: str | None = None  # the record whose date is the trigger …
    trigger_field: PathT = ()  # … and the field
    raw_due: dt.date | None = None  # trigger + days, before moving to a working day
    original_due: dt.date | None = None  # before any extension
    missing_year: int | None = None  # state no-calendar: the year no calendar covers
    progress: tuple[int, int] | None = None  # self-assessment: (towns submitted, towns in scope)
    extensions: tuple[Extension, ...] = ()
    article: str = ""

    @property
    def moved(self) -> bool:
        return self.raw_due is not None and self.original_due is not None and self.raw_due != self.original_due


def is_long(campaign: Campaign) -> bool:
    return one_year_or_longer(campaign.start, campaign.end)


def required_stages(campaign: Campaign) -> tuple[str, ...]:
    return STAGES if is_long(campaign) else STAGES[:4]


def timeline(archive: Archive, campaign_id: str, as_of: dt.date) -> list[StageStatus]:
    """Every stage of the campaign's evaluation procedure, in order, as of ``as_of``."""
    campaign = get_campaign(archive, campaign_id)
    calendar = WorkCalendar.of(archive)
    required = required_stages(campaign)
    completions = _completions(archive, campaign)
    out: list[StageStatus] = []
    previous: tuple[dt.date | None, str | None, PathT] = (campaign.end, campaign.id, ("end",))
    for stage in STAGES:
        completed, evidence, field, progress = completions[stage]
        status = _stage(archive, calendar, campaign, stage, stage in required, previous, completed, evidence,
                        as_of)
        out.append(replace(status, progress=progress))
        if stage in ("self-assessment", "re-evaluation"):
            previous = (completed, evidence, field)
    return _mark_missing(out)


# ---------------------------------------------------------------------------------------------


_Completion = tuple[dt.date | None, str | None, PathT, tuple[int, int] | None]


def _completions(archive: Archive, campaign: Campaign) -> dict[str, _Completion]:
    """For each stage: (completion date, evidence record, its field, progress)."""
    plans = standing(archive, EvaluationPlan, campaign.id)
    plan = min(plans, key=lambda p: (p.issued_on, p.id)) if plans else None
    out: dict[str, _Completion] = {
        "preparation": (plan.issued_on, plan.id, ("issued_on",), None) if plan else (None, None, (), None),
    }

    towns = list(dict.fromkeys(campaign.scope.towns))
    submitted = {}
    for record in standing(archive, SelfAssessment, campaign.id):
        if record.town in towns and record.submitted_on is not None:
            first = submitted.get(record.town)
            if first is None or record.submitted_on < first.submitted_on:
                submitted[record.town] = record  # a town's first submission counts
    progress = (len(submitted), len(towns))
    if towns and len(submitted) == len(towns):
        last = max(submitted.values(), key=lambda r: (r.submitted_on, r.id))
        out["self-assessment"] = (last.submitted_on, last.id, ("submitted_on",), progress)
    else:
        out["self-assessment"] = (None, None, (), progress)

    reports = [r for r in standing(archive, OverallReport, campaign.id) if r.completed_on is not None]
    report = min(reports, key=lambda r: (r.completed_on, r.id)) if reports else None
    out["re-evaluation"] = (report.completed_on, report.id, ("completed_on",), None) if report else (None, None, (),
                                                                                                       None)

    review = completing_review(archive, campaign)
    if review is None:
        out["comprehensive-review"] = (None, None, (), None)
    elif is_long(campaign):
        out["comprehensive-review"] = (review.completed_on, review.id, ("completed_on",), None)
    else:
        out["comprehensive-review"] = (review.filed_with_office_on, review.id, ("filed_with_office_on",), None)

    rectified = {}
    for record in standing(archive, RectificationPlan, campaign.id):
        first = rectified.get(record.town)
        if record.town in towns and (first is None or record.issued_on < first.issued_on):
            rectified[record.town] = record
    if towns and len(rectified) == len(towns):
        last = max(rectified.values(), key=lambda r: (r.issued_on, r.id))
        out["rectification"] = (last.issued_on, last.id, ("issued_on",), (len(rectified), len(towns)))
    else:
        out["rectification"] = (None, None, (), (len(rectified), len(towns)))
    return out


def completing_review(archive: Archive, campaign: Campaign) -> ComprehensiveReview | None:
    """The review that completes the stage: by the office (long campaigns) or the lead department."""
    reviewer = office(archive) if is_long(campaign) else campaign.lead_department
    reviews = [r for r in standing(archive, ComprehensiveReview, campaign.id) if r.reviewer == reviewer]
    dated = [r for r in reviews if (r.completed_on if is_long(campaign) else r.filed_with_office_on) is not None]
    if dated:
        return min(dated, key=lambda r: (r.completed_on if is_long(campaign) else r.filed_with_office_on, r.id))
    return reviews[0] if reviews else None


def _stage(archive: Archive, calendar: WorkCalendar, campaign: Campaign, stage: str, required: bool,
           previous: tuple[dt.date | None, str | None, PathT], completed: dt.date | None,
           evidence: str | None, as_of: dt.date) -> StageStatus:
    base = StageStatus(stage=stage, required=required, trigger_label=TRIGGERS["none"], trigger_date=None,
                       days=None, due=None, calendar="", completed=completed, state="waiting",
                       evidence_id=evidence if completed else None, article=ARTICLES[stage])
    if stage == "rectification":
        if not required:
            return replace(base, state="superfluous" if completed else "not-required")
        return replace(base, state="done" if completed else "due")

    trigger_key, days = "campaign-end", (10 if stage == "preparation" else 30)
    trigger_date, trigger_id, trigger_field = campaign.end, campaign.id, ("end",)
    if stage == "self-assessment":
        plan = _plan_deadline(archive, campaign)
        if plan is not None:
            trigger_key, days, trigger_date, trigger_id, trigger_field = (
                "plan-deadline", 0, plan.self_assessment_due, plan.id, ("self_assessment_due",))
    elif stage in ("re-evaluation", "comprehensive-review"):
        trigger_key = "self-assessment-end" if stage == "re-evaluation" else "re-evaluation-end"
        trigger_date, trigger_id, trigger_field = previous
    base = replace(base, trigger_key=trigger_key, trigger_label=TRIGGERS[trigger_key], trigger_date=trigger_date,
                   trigger_id=trigger_id, trigger_field=trigger_field, days=days)
    if trigger_date is None:
        return replace(base, state="done" if completed else "waiting")
    try:
        computed = calendar.add_days_after(trigger_date, days)
        extensions = _extensions(archive, calendar, campaign, stage, computed)
    except CalendarMissing as missing:
        return replace(base, state="no-calendar", missing_year=missing.year, calendar="")
    base = replace(base, raw_due=computed.raw, original_due=computed.due, due=computed.due,
                   calendar=computed.calendar)
    granted = [e for e in extensions if e.valid and e.decision == "granted"]
    if granted:
        chosen = max(granted, key=lambda e: (e.requested_due, e.id))
        base = replace(base, due=chosen.requested_due, extension=chosen.id)
    base = replace(base, extensions=tuple(extensions))
    if completed is None and as_of < trigger_date:
        return replace(base, state="not-started")
    return replace(base, **_judge(base.due, completed, as_of, extended=base.extension is not None))


def _plan_deadline(archive: Archive, campaign: Campaign) -> EvaluationPlan | None:
    plans = [p for p in standing(archive, EvaluationPlan, campaign.id) if p.self_assessment_due is not None]
    return min(plans, key=lambda p: (p.issued_on, p.id)) if plans else None


def _judge(due: dt.date, completed: dt.date | None, as_of: dt.date, *, extended: bool) -> dict:
    if completed is not None:
        if completed <= due:
            return {"state": "done-on-time"}
        return {"state": "done-late", "late_by": (completed - due).days}
    if as_of > due:
        return {"state": "overdue", "overdue_by": (as_of - due).days}
    return {"state": "extended" if extended else "due"}


def _extensions(archive: Archive, calendar: WorkCalendar, campaign: Campaign, stage: str,
                computed: DatedResult) -> list[Extension]:
    out = []
    for request in standing(archive, ExtensionRequest, campaign.id):
        if request.stage != stage:
            continue
        out.append(judge_extension(calendar, request, computed.due))
    return out


def judge_extension(calendar: WorkCalendar, request: ExtensionRequest, due: dt.date | None) -> Extension:
    """Is an extension request valid against the stage's original last day ``due``?"""
    problems = []
    if request.stage not in EXTENDABLE:
        problems.append("not-extendable")
    explained = request.explanation is not None and bool(request.explanation.get("zh").strip())
    if not explained:
        problems.append("no-explanation")
    before = latest = None
    if due is None:
        problems.append("no-deadline")
    else:
        before = calendar.working_days_between(request.filed_on, due)
        latest = calendar.latest_filing_day(due, EXTENSION_NOTICE_WORKING_DAYS).due
        if before < EXTENSION_NOTICE_WORKING_DAYS:
            problems.append("filed-late")
        if request.requested_due <= due:
            problems.append("not-later")
    decision = "pending" if request.decision is None else ("granted" if request.decision.granted else "refused")
    return Extension(request.id, request.filed_on, request.requested_due, before, latest, explained, decision,
                     not problems, tuple(problems))


def _mark_missing(statuses: list[StageStatus]) -> list[StageStatus]:
    """A required stage not completed although a later one was has been skipped."""
    out = list(statuses)
    for index, status in enumerate(out):
        later_done = any(s.completed is not None for s in out[index + 1:] if s.stage != "rectification")
        if status.required and status.completed is None and later_done:
            out[index] = replace(status, state="missing", overdue_by=None)
    return out
