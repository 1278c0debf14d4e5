"""The procedure timeline and headline figures as plain text, for ``make check``.

Written so that a reviewer can recompute every deadline by hand: trigger date and where it was
recorded, + N days, the raw last day and what kind of day it is, the working day it moved to,
the calendar used, the completion and its record, and the state. Dates are ISO (YYYY-MM-DD) with
the weekday, because a reviewer counts on a calendar.
"""

from __future__ import annotations

import datetime as dt

from generators import present
from generators.records import Archive
from generators.records.model import Campaign
from generators.rules.calendar import DAY_KINDS, WEEKDAYS, CalendarMissing, WorkCalendar
from generators.rules.procedure import StageStatus, is_long, timeline
from generators.rules.results import consequences
from generators.rules.statistics import METRICS, headline

WORDS = {
    "campaign": ("专项整治", "Campaign"),
    "long": ("一年以上（含一年）：五个环节均须履行（第十三条）", "one year or longer: all five stages (art. 13)"),
    "short": ("一年以内：评估准备、基层自评、行业复评，牵头部门综合评议并报区安委办备案（第十三条）",
              "shorter than a year: preparation, self-assessment, re-evaluation, then the lead department's "
              "review filed with the district office (art. 13)"),
    "as_of": ("截至", "as of"),
    "days": ("日", "days"),
    "last_day": ("期限", "last day"),
    "moved": ("顺延至", "moves to"),
    "completed": ("完成", "completed"),
    "not_completed": ("未完成", "not completed"),
    "extension": ("延期申请", "extension request"),
    "filed": ("提出于", "filed"),
    "wd_before": ("距原期限 {} 个工作日", "{} working days before the original last day"),
    "latest": ("最迟有效申请日", "latest valid filing day"),
    "valid": ("有效", "valid"),
    "invalid": ("无效", "not valid"),
    "granted": ("已批准", "granted"),
    "refused": ("未批准", "refused"),
    "pending": ("待批复", "pending"),
    "requested": ("申请延至", "requested last day"),
    "article": ("第{}条", "art. {}"),
    "progress": ("已报送 {}/{} 个区镇", "{}/{} towns submitted"),
    "plans": ("已制定整改方案 {}/{} 个区镇", "{}/{} towns have a rectification plan"),
    "figures": ("主要数据", "Headline figures"),
    "accidents": ("生产安全事故（{} 同比 {}）", "Accidents ({} against {})"),
    "count": ("起数", "count"),
    "deaths": ("死亡人数", "deaths"),
    "loss": ("直接经济损失（万元）", "direct loss (10k yuan)"),
    "hazards": ("问题隐患 {} 项，已整改 {} 项，整改率 {}；重大隐患 {} 项，已销号 {} 项，销号率 {}；逾期未整改 {} 项{}",
                "hazards {}, rectified {}, rectification rate {}; major {}, closed {}, closure rate {}; "
                "overdue {}{}"),
    "tasks": ("目标任务完成率 {}（自评清单 {}/{} 项已完成）", "target-task completion rate {} ({}/{} list items done)"),
    "no_figures": ("以下月份没有任何事故统计记录：{}", "no accident figures recorded for: {}"),
    "consequences": ("结果运用", "Use of results"),
    "priority": ("优先评定为先进集体", "priority for advanced collective"),
    "veto": ("一票否决：取消先进集体参评资格，主要负责人取消先进个人参评资格",
             "one-vote veto: no advanced-collective eligibility; principal leader no advanced-individual eligibility"),
    "no_effect": ("无", "no effect"),
    "no_calendar": ("无 {} 年日历，无法计算", "no calendar for {}: cannot compute"),
}
STATES = {
    "done-on-time": ("按时完成", "done on time"),
    "done-late": ("逾期完成，晚 {} 天", "done late by {} days"),
    "done": ("已完成（无法定期限可比）", "done (no deadline to judge by)"),
    "due": ("进行中，未到期", "due, not yet overdue"),
    "extended": ("已延期，未到期", "extended, not yet overdue"),
    "overdue": ("已逾期 {} 天", "overdue by {} days"),
    "waiting": ("等待上一环节完成", "waiting for the previous stage"),
    "not-started": ("尚未开始（计时起点未到）", "not started (its trigger date is still ahead)"),
    "missing": ("缺失（后续环节已完成）", "missing (a later stage is completed)"),
    "not-required": ("不需要", "not required"),
    "superfluous": ("不需要（但已记录）", "not required (but recorded)"),
    "no-calendar": ("无法计算：缺少日历", "cannot compute: calendar missing"),
}


def word(key: str, lang: str) -> str:
    zh, en = WORDS[key]
    return zh if lang == "zh" else en


def state_text(status: StageStatus, lang: str) -> str:
    zh, en = STATES[status.state]
    template = zh if lang == "zh" else en
    return template.format(status.late_by if status.state == "done-late" else status.overdue_by)


def iso(day: dt.date | None, lang: str) -> str:
    if day is None:
        return "—"
    weekday = WEEKDAYS[lang][day.weekday()]
    return f"{day.isoformat()}（周{weekday}）" if lang == "zh" else f"{day.isoformat()} ({weekday})"


def campaign_lines(archive: Archive, campaign: Campaign, as_of: dt.date, lang: str) -> list[str]:
    calendar = WorkCalendar.of(archive)
    kind = word("long" if is_long(campaign) else "short", lang)
    lines = [f"{word('campaign', lang)} {campaign.id} {present.title(archive, campaign.id, lang)} "
             f"({campaign.start.isoformat()} – {campaign.end.isoformat()}; {kind}; {word('as_of', lang)} "
             f"{as_of.isoformat()})"]
    for status in timeline(archive, campaign.id, as_of):
        lines += _stage_lines(archive, calendar, status, lang)
    return lines


def _stage_lines(archive: Archive, calendar: WorkCalendar, status: StageStatus, lang: str) -> list[str]:
    label = archive.label("stages", status.stage, lang)
    article = word("article", lang).format(status.article)
    head = f"  {label} [{article}]: "
    if status.days is None:  # rectification
        detail = status.trigger_label.get(lang)
        if status.progress:
            detail += "; " + word("plans", lang).format(*status.progress)
    elif status.trigger_date is None:
        detail = f"{status.trigger_label.get(lang)} —"
    else:
        source = f" ({status.trigger_id}: {'.'.join(map(str, status.trigger_field))})"
        detail = f"{status.trigger_label.get(lang)} {iso(status.trigger_date, lang)}{source} + {status.days} " \
                 f"{word('days', lang)}"
        if status.state == "no-calendar":
            detail += "; " + word("no_calendar", lang).format(status.missing_year)
        else:
            detail += f" = {iso(status.raw_due, lang)}"
            if status.moved:
                detail += f" {_kind(calendar, status.raw_due, lang)} → {word('moved', lang)} " \
                          f"{iso(status.original_due, lang)}"
            detail += f" [{status.calendar}]"
    lines = [head + detail]
    for extension in status.extensions:
        verdict = word("valid" if extension.valid else "invalid", lang)
        if extension.problems:
            verdict += " (" + ", ".join(extension.problems) + ")"
        count = "—" if extension.working_days_before is None else extension.working_days_before
        lines.append(f"    {word('extension', lang)} {extension.id}: {word('filed', lang)} "
                     f"{iso(extension.filed_on, lang)}, {word('wd_before', lang).format(count)} "
                     f"({word('latest', lang)} {iso(extension.latest_filing_day, lang)}); {verdict}; "
                     f"{word(extension.decision, lang)}; "
                     f"{word('requested', lang)} {iso(extension.requested_due, lang)}")
    if status.extension:
        lines.append(f"    {word('last_day', lang)}: {iso(status.due, lang)} ({status.extension})")
    done = f"{word('completed', lang)} {iso(status.completed, lang)} ({status.evidence_id})" if status.completed \
        else word("not_completed", lang)
    if status.stage == "self-assessment" and status.progress:
        done += "; " + word("progress", lang).format(*status.progress)
    lines.append(f"    → {done}; {state_text(status, lang)}")
    return lines


def figure_lines(archive: Archive, campaign: Campaign, as_of: dt.date, lang: str) -> list[str]:
    """Headline statistics and the consequences table, each figure with what it is computed from."""
    facts = headline(archive, campaign.id, as_of)
    acc = facts.accidents
    lines = [f"  {word('figures', lang)} ({word('as_of', lang)} {as_of.isoformat()}):",
             "    " + word("accidents", lang).format(acc.current_period.label(lang), acc.base_period.label(lang)) + ": "
             + "; ".join(f"{word(m, lang)} {_figure(acc.current.get(m))} / {_figure(acc.base.get(m))} "
                         f"{acc.changes[m].text(lang)}" for m in METRICS)]
    notes = {acc.changes[m].footnote(lang) for m in METRICS} - {None}
    lines += [f"      * {note}" for note in sorted(notes)]
    if acc.missing_months:
        lines.append("      " + word("no_figures", lang).format(_months(acc.missing_months)))
    h = facts.hazards
    overdue = f" ({', '.join(h.overdue)})" if h.overdue else ""
    lines.append("    " + word("hazards", lang).format(h.total, h.rectified, h.rectification_rate.text(lang),
                                                       h.major_total, h.major_closed, h.major_closure_rate.text(lang),
                                                       len(h.overdue), overdue))
    lines.append("    " + word("tasks", lang).format(facts.tasks.text(lang), facts.tasks.numerator,
                                                     facts.tasks.denominator))
    rows = consequences(archive, campaign.id)
    if rows:
        lines.append(f"  {word('consequences', lang)}:")
    for row in rows:
        effect = word("veto", lang) if row.veto else word("priority", lang) if row.priority_advanced_collective \
            else word("no_effect", lang)
        unit = present.title(archive, row.unit, lang)
        bearer = "" if row.organisation == row.unit else f" → {present.title(archive, row.organisation, lang)}"
        lines.append(f"    {unit}{bearer}: {archive.label('grades', row.grade, lang)} ({row.source}) — {effect}")
    return lines


def _months(months: tuple[str, ...]) -> str:
    """2022-05..2022-09, 2023-05..2023-09: consecutive months as ranges."""
    from generators.rules.statistics import Period

    ranges: list[list[str]] = []
    for month in months:
        if ranges and Period.parse(ranges[-1][-1]).shifted(1) == Period.parse(month):
            ranges[-1].append(month)
        else:
            ranges.append([month])
    return ", ".join(r[0] if len(r) == 1 else f"{r[0]}..{r[-1]}" for r in ranges)


def _figure(value) -> str:
    return f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"


def _kind(calendar: WorkCalendar, day: dt.date | None, lang: str) -> str:
    try:
        zh, en = DAY_KINDS[calendar.day_kind(day)]
    except CalendarMissing:
        return ""
    return zh if lang == "zh" else en


def timeline_text(archive: Archive, as_of: dt.date, lang: str) -> str:
    """Every campaign's timeline (and headline figures), in campaign ID order."""
    blocks = []
    for campaign in archive.of_type(Campaign):
        lines = campaign_lines(archive, campaign, as_of, lang) + figure_lines(archive, campaign, as_of, lang)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
