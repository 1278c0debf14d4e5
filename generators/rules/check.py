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
from generators.messages import register
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

register({
    "E201": {
        "message_zh": "没有 {year} 年的工作日日历，无法计算{stage_zh}的期限",
        "message_en": "no working-day calendar for {year}, so the {stage} deadline cannot be computed",
        "hint_zh": "{package} 只含 {first}–{last} 年；按国务院办公厅放假安排通知新增 {file}"
                   "（type: calendar，year: {year}，holidays，workdays（调休上班日），source）",
        "hint_en": "{package} covers {first}–{last} only; add {file} (type: calendar, year: {year}, holidays, "
                   "workdays = weekend make-up working days, source) from the State Council's holiday notice",
    },
    "E202": {
        "message_zh": "{year} 年的日历重复（已有“{other}”）",
        "message_en": "a second calendar for {year} (already '{other}')",
        "hint_zh": "每年只能有一个日历记录；删除或合并其中一个",
        "hint_en": "keep one calendar record per year; delete or merge the other",
    },
    "E203": {
        "message_zh": "日期 {date} 不在本日历的年份 {year} 内",
        "message_en": "{date} is not in this calendar's year {year}",
        "hint_zh": "跨年的假期分别写入两个年份的日历",
        "hint_en": "a holiday spanning New Year goes into both years' calendars, each its own days",
    },
    "E204": {
        "message_zh": "{date} 同时列为放假日和调休上班日",
        "message_en": "{date} is listed both as a holiday and as a make-up working day",
        "hint_zh": "按国务院通知核对，删除错误的一处",
        "hint_en": "check against the State Council notice and remove the wrong one",
    },
    "W205": {
        "message_zh": "{year} 年已由 {package} 提供，本日历记录不被使用",
        "message_en": "{year} is covered by {package}; this calendar record is not used",
        "hint_zh": "删除本记录；若国务院另有调整，请升级 chinesecalendar",
        "hint_en": "remove the record; if the State Council changed the calendar, upgrade chinesecalendar",
    },
    "W206": {
        "message_zh": "调休上班日 {date} 不是周末",
        "message_en": "make-up working day {date} is not a weekend day",
        "hint_zh": "周一至周五本来就是工作日；检查日期是否写错",
        "hint_en": "Monday to Friday are working days anyway; check the date",
    },
    "E209": {
        "message_zh": "专项整治结束日期 {end} 早于开始日期 {start}",
        "message_en": "the campaign ends ({end}) before it starts ({start})",
        "hint_zh": "核对 start 和 end；时限决定评估程序（第十三条）",
        "hint_en": "check start and end; the duration decides the procedure (art. 13)",
    },
    "W210": {
        "message_zh": "{campaign}：{stage_zh}于 {completed} 完成，比期限 {due} 晚 {days} 天"
                      "（{trigger_zh} {trigger_date} 起 {n} 日，{calendar}）",
        "message_en": "{campaign}: {stage} completed on {completed}, {days} day{days:s} after its last day {due} "
                      "({trigger} {trigger_date} + {n} day{n:s}, {calendar})",
        "hint_zh": "如实记录即可；逾期原因应在报告中说明，需延期的应提前 7 个工作日申请（第十条）",
        "hint_en": "the record stands as it happened; the report should explain the delay; an extension must be "
                   "requested 7 working days in advance (art. 10)",
    },
    "W211": {
        "message_zh": "{campaign}：{stage_zh}已逾期 {days} 天（期限 {due}，截至 {as_of} 未完成）",
        "message_en": "{campaign}: {stage} is {days} day{days:s} overdue (last day {due}, not completed as of {as_of})",
        "hint_zh": "补录完成记录（{evidence}），或按第十条申请延期",
        "hint_en": "record its completion ({evidence}), or request an extension (art. 10)",
    },
    "E212": {
        "message_zh": "{campaign}：缺少{stage_zh}环节，而后续环节已经完成",
        "message_en": "{campaign}: the {stage} stage is missing although a later stage is completed",
        "hint_zh": "第七条规定的程序不能跳过；补录该环节的记录（{evidence}）",
        "hint_en": "the procedure of art. 7 cannot skip a stage; add its record ({evidence})",
    },
    "W213": {
        "message_zh": "{campaign} 时限不足一年，不需要{what_zh}（第十三条）",
        "message_en": "{campaign} lasts less than a year and needs no {what} (art. 13)",
        "hint_zh": "时限一年以内的专项整治由区级牵头部门综合评议并报区安委办备案",
        "hint_en": "for a campaign shorter than a year the lead department reviews and files its report "
                   "with the district office",
    },
    "E214": {
        "message_zh": "{campaign} 时限一年以上，综合评议应由区安委办（{office}）进行，而不是 {reviewer}",
        "message_en": "{campaign} lasts a year or more: the comprehensive review is the district office's "
                      "({office}), not {reviewer}'s",
        "hint_zh": "第十一条、第十三条：reviewer 应为 {office}",
        "hint_en": "arts. 11 and 13: set reviewer to {office}",
    },
    "W215": {
        "message_zh": "{campaign} 的综合评议报告尚未报区安委办备案",
        "message_en": "{campaign}: the lead department's review has not been filed with the district office",
        "hint_zh": "第十三条：备案后填写 filed_with_office_on",
        "hint_en": "art. 13: once filed, record filed_with_office_on",
    },
    "E216": {
        "message_zh": "{stage_zh}不能申请延期",
        "message_en": "the {stage} stage cannot be extended",
        "hint_zh": "只有行业复评（第十条（五））和综合评议（第十一条（四））可以延期",
        "hint_en": "only the re-evaluation (art. 10(5)) and the comprehensive review (art. 11(4)) may be extended",
    },
    "E217": {
        "message_zh": "延期申请缺少书面情况说明",
        "message_en": "the extension request has no written explanation",
        "hint_zh": "第十条（五）：申请延期须提交书面情况说明（explanation）",
        "hint_en": "art. 10(5): an extension request needs a written explanation (explanation)",
    },
    "W218": {
        "message_zh": "延期申请于 {filed} 提出，距期限 {due} 只有 {count} 个工作日（最迟应于 {latest} 提出），"
                      "申请无效，期限不变",
        "message_en": "extension requested on {filed}, only {count} working day{count:s} before the last day {due} "
                      "(latest valid filing day {latest}): not valid, the last day stays",
        "hint_zh": "第十条（五）：应提前 7 个工作日申请（按国务院节假日安排计算，含调休）",
        "hint_en": "art. 10(5): file at least 7 working days in advance (official calendar with make-up days)",
    },
    "W221": {
        "message_zh": "评估工作方案的时序安排列有{stage_zh}，但 {campaign} 不需要该环节（第十三条）",
        "message_en": "the evaluation plan schedules the {stage} stage, which {campaign} does not need (art. 13)",
        "hint_zh": "时限一年以内的专项整治不需要区安委办综合评议和整改落实环节",
        "hint_en": "a campaign shorter than a year has no district-office review or rectification stage",
    },
    "W222": {
        "message_zh": "评估工作方案的时序安排缺少{stage_zh}环节",
        "message_en": "the evaluation plan's schedule leaves out the {stage} stage",
        "hint_zh": "第八条（一）：明确评估时序进度安排，逐一列出必须履行的环节",
        "hint_en": "art. 8(1): the schedule lists every stage the procedure requires",
    },
    "W223": {
        "message_zh": "时序安排中{stage_zh}的期限 {planned} 晚于规范规定的期限 {due}",
        "message_en": "the schedule gives the {stage} stage {planned}, later than its last day under the spec, {due}",
        "hint_zh": "按规范的期限安排；确需延期的按第十条（五）申请",
        "hint_en": "schedule within the spec's deadline; an extension is requested under art. 10(5)",
    },
    "E250": {
        "message_zh": "同一统计记录对 {period} {town} {domain} 给出两行（第一行为第 {first} 行）",
        "message_en": "this record gives {period} {town} {domain} twice (first as row {first})",
        "hint_zh": "合并为一行；每条记录对每月、区镇、行业领域只能有一行",
        "hint_en": "merge them: one row per month, town and domain in a record",
    },
    "E251": {
        "message_zh": "与“{other}”同日（{taken_on}）取数，但 {period} {town} {domain} 的数字不同",
        "message_en": "taken on the same day ({taken_on}) as '{other}' but gives other figures for {period} {town} "
                      "{domain}",
        "hint_zh": "核定后的数字应以更晚的取数日期（taken_on）另立记录，否则无法判断以哪个为准",
        "hint_en": "a revision needs a later taken_on, or it is unclear which figures stand",
    },
    "W252": {
        "message_zh": "{campaign}：整治期间及上年同期有 {count} 个月没有事故统计（{months}），无法作同比分析",
        "message_en": "{campaign}: no accident figures for {count} month{count:s} of the campaign or the year before "
                      "({months}), so no year-on-year comparison can be made",
        "hint_zh": "第五条（四）要求评估事故起数、死亡人数、直接经济损失的同比、环比情况；"
                   "补录 accident-statistics 记录",
        "hint_en": "art. 5(4) asks for year-on-year accident comparisons; add the accident-statistics records",
    },
    "E219": {
        "message_zh": "申请延至 {requested}，不晚于原期限 {due}",
        "message_en": "requested last day {requested} is not later than the current last day {due}",
        "hint_zh": "检查 requested_due",
        "hint_en": "check requested_due",
    },
})


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
