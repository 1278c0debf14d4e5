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
from generators.rules.calendar import WEEKDAYS, CalendarMissing, WorkCalendar
from generators.rules.procedure import StageStatus, is_long, timeline
from generators.rules.results import ConsequenceRow, consequences
from generators.rules.statistics import METRIC_WORDS, METRICS, headline
from generators.words import inline_word, word

# The words of the check command's timeline are the catalogue's (generators/words.py): the
# site's where the site says the same thing, "report." where only this text says it.
_DECISIONS = {"granted": "granted", "refused": "refused", "pending": "report.pending"}


def state_text(status: StageStatus, lang: str) -> str:
    template = word(f"state.{status.state}", lang)
    return template.format(status.late_by if status.state == "done-late" else status.overdue_by)


def consequence_keys(row: ConsequenceRow) -> list[str]:
    """The catalogue's keys of what a grade brings (arts. 15 and 16), in the spec's words: the site's
    campaign page and this text say it alike."""
    flags = (row.priority_advanced_collective, row.veto, row.loses_collective_eligibility,
             row.principal_leader_loses_individual_eligibility)
    keys = ("effect_priority", "effect_veto", "effect_no_collective", "effect_no_individual")
    return [key for key, flag in zip(keys, flags, strict=True) if flag]


def consequence_words(row: ConsequenceRow, lang: str) -> str:
    """What a grade brings, in a line; "" when it brings nothing."""
    return word("sep.clause", lang).join(inline_word(key, lang) for key in consequence_keys(row))


def iso(day: dt.date | None, lang: str) -> str:
    if day is None:
        return "—"
    weekday = WEEKDAYS[lang][day.weekday()]
    return f"{day.isoformat()}（周{weekday}）" if lang == "zh" else f"{day.isoformat()} ({weekday})"


def campaign_lines(archive: Archive, campaign: Campaign, as_of: dt.date, lang: str) -> list[str]:
    calendar = WorkCalendar.of(archive)
    kind = word("report.long" if is_long(campaign) else "report.short", lang)
    lines = [f"{word('campaign', lang)} {campaign.id} {present.title(archive, campaign.id, lang)} "
             f"({campaign.start.isoformat()} – {campaign.end.isoformat()}; {kind}; {word('report.as_of', lang)} "
             f"{as_of.isoformat()})"]
    for status in timeline(archive, campaign.id, as_of):
        lines += _stage_lines(archive, calendar, status, lang)
    return lines


def _stage_lines(archive: Archive, calendar: WorkCalendar, status: StageStatus, lang: str) -> list[str]:
    label = archive.label("stages", status.stage, lang)
    article = word("report.article", lang).format(status.article)
    head = f"  {label} [{article}]: "
    if status.days is None:  # rectification
        detail = status.trigger_label.get(lang)
        if status.progress:
            detail += "; " + word("report.plans", lang).format(*status.progress)
    elif status.trigger_date is None:
        detail = f"{status.trigger_label.get(lang)} —"
    else:
        source = f" ({status.trigger_id}: {'.'.join(map(str, status.trigger_field))})"
        detail = f"{status.trigger_label.get(lang)} {iso(status.trigger_date, lang)}{source} + {status.days} " \
                 f"{word('report.days', lang)}"
        if status.state == "no-calendar":
            detail += "; " + word("report.no_calendar", lang).format(status.missing_year)
        else:
            detail += f" = {iso(status.raw_due, lang)}"
            if status.moved:
                detail += f" {_kind(calendar, status.raw_due, lang)} → {word('report.moved', lang)} " \
                          f"{iso(status.original_due, lang)}"
            detail += f" [{status.calendar}]"
    lines = [head + detail]
    for extension in status.extensions:
        verdict = word("report.valid" if extension.valid else "report.invalid", lang)
        if extension.problems:
            verdict += " (" + ", ".join(extension.problems) + ")"
        count = "—" if extension.working_days_before is None else extension.working_days_before
        lines.append(f"    {inline_word('type.extension-request', lang)} {extension.id}: {word('report.filed', lang)} "
                     f"{iso(extension.filed_on, lang)}, {word('report.wd_before', lang).format(count)} "
                     f"({word('report.latest', lang)} {iso(extension.latest_filing_day, lang)}); {verdict}; "
                     f"{inline_word(_DECISIONS[extension.decision], lang)}; "
                     f"{inline_word('requested_due', lang)} {iso(extension.requested_due, lang)}")
    if status.extension:
        lines.append(f"    {word('report.last_day', lang)}: {iso(status.due, lang)} ({status.extension})")
    done = inline_word("not_done", lang)
    if status.completed:
        done = f"{word('report.completed', lang)} {iso(status.completed, lang)} ({status.evidence_id})"
    if status.stage == "self-assessment" and status.progress:
        done += "; " + word("report.progress", lang).format(*status.progress)
    lines.append(f"    → {done}; {state_text(status, lang)}")
    return lines


def figure_lines(archive: Archive, campaign: Campaign, as_of: dt.date, lang: str) -> list[str]:
    """Headline statistics and the consequences table, each figure with what it is computed from."""
    facts = headline(archive, campaign.id, as_of)
    acc = facts.accidents
    lines = [f"  {word('headline', lang)} ({word('report.as_of', lang)} {as_of.isoformat()}):",
             "    " + word("report.accidents", lang).format(acc.current_period.label(lang),
                                                       acc.base_period.label(lang)) + ": "
             + "; ".join(f"{inline_word(METRIC_WORDS[m], lang)} {_figure(acc.current.get(m))} / "
                         f"{_figure(acc.base.get(m))} {acc.changes[m].text(lang)}" for m in METRICS)]
    notes = {acc.changes[m].footnote(lang) for m in METRICS} - {None}
    lines += [f"      * {note}" for note in sorted(notes)]
    if acc.missing_months:
        lines.append("      " + word("report.no_figures", lang).format(_months(acc.missing_months)))
    h = facts.hazards
    overdue = f" ({', '.join(h.overdue)})" if h.overdue else ""
    lines.append("    " + word("report.hazards", lang).format(h.total, h.rectified, h.rectification_rate.text(lang),
                                                       h.major_total, h.major_closed, h.major_closure_rate.text(lang),
                                                       len(h.overdue), overdue))
    lines.append("    " + word("report.tasks", lang).format(facts.tasks.text(lang), facts.tasks.numerator,
                                                     facts.tasks.denominator))
    rows = consequences(archive, campaign.id)
    if rows:
        lines.append(f"  {word('use_of_results', lang)}:")
    for row in rows:
        effect = consequence_words(row, lang) or word("report.no_effect", lang)
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
        return word(f"day.{calendar.day_kind(day)}", lang)
    except CalendarMissing:
        return ""


def timeline_text(archive: Archive, as_of: dt.date, lang: str) -> str:
    """Every campaign's timeline (and headline figures), in campaign ID order."""
    blocks = []
    for campaign in archive.of_type(Campaign):
        lines = campaign_lines(archive, campaign, as_of, lang) + figure_lines(archive, campaign, as_of, lang)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
