"""Diagnostics of the calendar records and of every campaign's procedure (E20x–E22x, W20x–W22x).

Policy: an *error* is a record the archive cannot stand by (a year with no calendar, a review by
the wrong body, a skipped stage, an extension the spec does not allow); a *warning* is a
procedural fact the archive records truthfully but a reviewer must see (a stage done late, a
stage overdue as of the build date, an extension filed too late to be valid).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from generators.diagnostics import Diagnostic
from generators.records import Archive
from generators.records.model import (
    Calendar,
    Campaign,
    ComprehensiveReview,
    EvaluationPlan,
    ExtensionRequest,
    RectificationPlan,
)
from generators.rules.calendar import (
    PACKAGE,
    PACKAGE_FIRST_YEAR,
    PACKAGE_LAST_YEAR,
    WorkCalendar,
)
from generators.rules.procedure import STAGES, StageStatus, is_long, timeline
from generators.rules.records import office, standing


def check_calendars(archive: Archive) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    first_of_year: dict[int, str] = {}
    for record in archive.of_type(Calendar):
        if record.year in first_of_year:
            found.append(Diagnostic.error("E202", archive.locate(record.id, ("year",)), year=record.year,
                                          other=first_of_year[record.year]))
            continue
        first_of_year[record.year] = record.id
        if PACKAGE_FIRST_YEAR <= record.year <= PACKAGE_LAST_YEAR:
            found.append(Diagnostic.warning("W205", archive.locate(record.id, ("year",)), year=record.year,
                                            package=PACKAGE))
            continue  # the record is not used, so its days do not matter
        for field in ("holidays", "workdays"):
            for index, day in enumerate(getattr(record, field)):
                where = archive.locate(record.id, (field, index))
                if day.year != record.year:
                    found.append(Diagnostic.error("E203", where, date=day, year=record.year))
                elif field == "workdays" and day in record.holidays:
                    found.append(Diagnostic.error("E204", where, date=day))
                elif field == "workdays" and day.weekday() < 5:
                    found.append(Diagnostic.warning("W206", where, date=day))
    return found


def check_statistics(archive: Archive) -> list[Diagnostic]:
    from generators.rules.statistics import Period, conflicting_records, duplicate_rows, year_on_year

    found = []
    for record_id, first, index in duplicate_rows(archive):
        row = archive.get(record_id).rows[index]
        found.append(Diagnostic.error("E250", archive.locate(record_id, ("rows", index)), period=row.period,
                                      town=row.town, domain=row.domain, first=first + 1))
    for record_id, other, (period, town, domain) in conflicting_records(archive):
        record = archive.get(record_id)
        index = next(i for i, r in enumerate(record.rows) if (r.period, r.town, r.domain) == (period, town, domain))
        found.append(Diagnostic.error("E251", archive.locate(record_id, ("rows", index)), other=other,
                                      taken_on=record.taken_on, period=period, town=town, domain=domain))
    for campaign in archive.of_type(Campaign):
        comparison = year_on_year(archive, Period.of_campaign(campaign))
        if comparison.missing_months:
            months = comparison.missing_months
            found.append(Diagnostic.warning("W252", archive.locate(campaign.id, ("start",)), campaign=campaign.id,
                                            count=len(months), months=f"{months[0]}..{months[-1]}"))
    return found


def check_procedure(archive: Archive, as_of: dt.date) -> list[Diagnostic]:
    """Every campaign's procedure as of ``as_of`` (the build date)."""
    found: list[Diagnostic] = []
    for campaign in archive.of_type(Campaign):
        if campaign.end < campaign.start:
            found.append(Diagnostic.error("E209", archive.locate(campaign.id, ("end",)), start=campaign.start,
                                          end=campaign.end))
        statuses = timeline(archive, campaign.id, as_of)
        for status in statuses:
            found += _stage_diagnostics(archive, campaign, status, as_of)
        found += _reviewer_diagnostics(archive, campaign)
        found += _extension_diagnostics(archive, campaign, statuses)
        found += _schedule_diagnostics(archive, campaign, statuses)
    return found


def _schedule_diagnostics(archive: Archive, campaign: Campaign, statuses: list[StageStatus]) -> list[Diagnostic]:
    """The evaluation plan's schedule (art. 8(1)) against the stages art. 13 requires."""
    found = []
    by_stage = {s.stage: s for s in statuses}
    for plan in standing(archive, EvaluationPlan, campaign.id):
        if not plan.schedule:
            continue
        scheduled = set()
        for index, entry in enumerate(plan.schedule):
            status = by_stage.get(entry.stage)
            if status is None:
                continue
            scheduled.add(entry.stage)
            stage = _stage(archive, entry.stage)
            if not status.required:
                found.append(Diagnostic.warning("W221", archive.locate(plan.id, ("schedule", index, "stage")),
                                                campaign=campaign.id, **stage))
            elif status.trigger_key == "campaign-end" and status.original_due is not None \
                    and entry.due > status.original_due:  # later stages count from actual dates
                found.append(Diagnostic.warning("W223", archive.locate(plan.id, ("schedule", index, "due")),
                                                planned=entry.due, due=status.original_due, **stage))
        for status in statuses:
            if status.required and status.stage not in scheduled:
                found.append(Diagnostic.warning("W222", archive.locate(plan.id, ("schedule",)),
                                                **_stage(archive, status.stage)))
    return found


def _stage(archive: Archive, key: str) -> dict[str, str]:
    """A stage's name for the English (stage) and Chinese (stage_zh) message."""
    if key not in archive.vocabularies.get("stages", {}):
        return {"stage": key, "stage_zh": key}
    return {"stage": archive.label("stages", key, "en"), "stage_zh": archive.label("stages", key, "zh")}


EVIDENCE = {
    "preparation": "evaluation-plan issued_on",
    "self-assessment": "self-assessment submitted_on",
    "re-evaluation": "overall-report completed_on",
    "comprehensive-review": "comprehensive-review completed_on",
    "rectification": "rectification-plan",
}


def _stage_diagnostics(archive: Archive, campaign: Campaign, status: StageStatus, as_of: dt.date) -> list[Diagnostic]:
    stage = _stage(archive, status.stage)
    trigger = archive.locate(status.trigger_id, status.trigger_field) if status.trigger_id else \
        archive.locate(campaign.id)
    evidence = EVIDENCE[status.stage]
    if status.stage == "comprehensive-review" and not is_long(campaign):
        evidence = "comprehensive-review filed_with_office_on"
    if status.state == "no-calendar":
        wc = WorkCalendar.of(archive)
        return [Diagnostic.error("E201", trigger, year=status.missing_year, **stage,
                                 file=wc.suggested_file(status.missing_year), package=PACKAGE,
                                 first=PACKAGE_FIRST_YEAR, last=PACKAGE_LAST_YEAR)]
    if status.state == "done-late":
        return [Diagnostic.warning(
            "W210", archive.locate(status.evidence_id, _completion_field(status, campaign)), campaign=campaign.id,
            **stage, completed=status.completed, due=status.due, days=status.late_by,
            trigger=status.trigger_label.en, trigger_zh=status.trigger_label.zh, trigger_date=status.trigger_date,
            n=status.days,
            calendar=status.calendar)]
    if status.state == "overdue":
        return [Diagnostic.warning("W211", trigger, campaign=campaign.id, **stage, days=status.overdue_by,
                                   due=status.due, as_of=as_of, evidence=evidence)]
    if status.state == "missing":
        return [Diagnostic.error("E212", archive.locate(campaign.id), campaign=campaign.id, **stage,
                                 evidence=evidence)]
    if status.state == "superfluous":
        plans = standing(archive, RectificationPlan, campaign.id)
        return [Diagnostic.warning("W213", archive.locate(plans[0].id), campaign=campaign.id,
                                   what="rectification follow-up (整改落实)", what_zh="整改落实环节")]
    return []


def _completion_field(status: StageStatus, campaign: Campaign) -> tuple[str, ...]:
    if status.stage == "preparation" or status.stage == "rectification":
        return ("issued_on",)
    if status.stage == "self-assessment":
        return ("submitted_on",)
    if status.stage == "comprehensive-review" and not is_long(campaign):
        return ("filed_with_office_on",)
    return ("completed_on",)


def _reviewer_diagnostics(archive: Archive, campaign: Campaign) -> list[Diagnostic]:
    found = []
    district_office = office(archive)
    for review in standing(archive, ComprehensiveReview, campaign.id):
        where = archive.locate(review.id, ("reviewer",))
        if is_long(campaign) and review.reviewer != district_office:
            found.append(Diagnostic.error("E214", where, campaign=campaign.id, office=district_office,
                                          reviewer=review.reviewer))
        elif not is_long(campaign) and review.reviewer == district_office:
            found.append(Diagnostic.warning("W213", where, campaign=campaign.id,
                                            what="comprehensive review by the district office (区安委办综合评议)",
                                            what_zh="区安委办综合评议"))
        elif not is_long(campaign) and review.reviewer == campaign.lead_department \
                and review.completed_on is not None and review.filed_with_office_on is None:
            found.append(Diagnostic.warning("W215", archive.locate(review.id, ("completed_on",)),
                                            campaign=campaign.id))
    return found


def _extension_diagnostics(archive: Archive, campaign: Campaign, statuses: list[StageStatus]) -> list[Diagnostic]:
    found = []
    judged = {e.id: (status, e) for status in statuses for e in status.extensions}
    by_stage: dict[str, list[ExtensionRequest]] = defaultdict(list)
    for request in standing(archive, ExtensionRequest, campaign.id):
        by_stage[request.stage].append(request)
    for stage in sorted(by_stage, key=lambda s: STAGES.index(s) if s in STAGES else len(STAGES)):
        for request in by_stage[stage]:
            stage_label = _stage(archive, stage)
            if request.id not in judged:
                if stage not in ("re-evaluation", "comprehensive-review"):
                    found.append(Diagnostic.error("E216", archive.locate(request.id, ("stage",)), **stage_label))
                if request.explanation is None:
                    found.append(Diagnostic.error("E217", archive.locate(request.id)))
                continue
            status, extension = judged[request.id]
            if "not-extendable" in extension.problems:
                found.append(Diagnostic.error("E216", archive.locate(request.id, ("stage",)), **stage_label))
            if "no-explanation" in extension.problems:
                found.append(Diagnostic.error("E217", archive.locate(request.id)))
            if "filed-late" in extension.problems:
                found.append(Diagnostic.warning(
                    "W218", archive.locate(request.id, ("filed_on",)), filed=request.filed_on,
                    due=status.original_due, count=extension.working_days_before, latest=extension.latest_filing_day))
            if "not-later" in extension.problems:
                found.append(Diagnostic.error("E219", archive.locate(request.id, ("requested_due",)),
                                              requested=request.requested_due, due=status.original_due))
    return found
