"""Campaign pages: procedure timeline, target tasks, grades, use of results, accidents, hazards."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from generators import present
from generators.records.model import AccidentStatistics, Campaign, ComprehensiveReview, Hazard, SubReport
from generators.rules.records import standing
from generators.site import charts
from generators.site import html as h
from generators.site.context import Ctx
from generators.site.i18n import t
from generators.site.pages import Page, block, h1, record_page, section
from generators.site.views.hazards import facet_url, hazard_status
from generators.site.views.reports import report_records, report_table

STATE_LABELS = {
    "done-on-time": ("按期完成", "Done on time"),
    "done-late": ("逾期完成", "Done late"),
    "done": ("已完成", "Done"),
    "due": ("进行中", "In progress"),
    "extended": ("已延期", "Extended"),
    "overdue": ("已逾期", "Overdue"),
    "waiting": ("未开始", "Not started"),
    "missing": ("缺失", "Missing"),
    "not-required": ("不需要", "Not required"),
    "superfluous": ("非必需", "Not required (recorded)"),
    "no-calendar": ("缺少工作日历", "No calendar"),
}


def state_label(state: str, lang: str) -> str:
    zh, en = STATE_LABELS.get(state, (state, state))
    return zh if lang == "zh" else en


def pages(ctx: Ctx) -> Iterator[Page]:
    campaigns = ctx.archive.of_type(Campaign)
    for campaign in campaigns:
        yield campaign_page(ctx.at(f"campaigns/{campaign.id}/"), campaign)
    index = ctx.at("campaigns/")
    title = t("campaigns", ctx.lang)
    yield Page("campaigns/", title, h1(index, title) + block(campaign_cards(index, campaigns)))


# ---------------------------------------------------------------------------------------------
# Figures shared with the home page


def timeline(ctx: Ctx, campaign: Campaign):
    from generators.rules.procedure import timeline as compute

    return compute(ctx.archive, campaign.id, ctx.site.build_date)


def current_stage(ctx: Ctx, campaign: Campaign) -> str:
    """The first required stage not yet done (all done: the last one)."""
    from generators.rules.procedure import DONE_STATES

    stages = [s for s in timeline(ctx, campaign) if s.required]
    for s in stages:
        if s.state not in DONE_STATES:
            return f"{ctx.label('stages', s.stage)}（{h.esc(state_label(s.state, ctx.lang))}）" if ctx.lang == "zh" \
                else f"{ctx.label('stages', s.stage)} ({h.esc(state_label(s.state, ctx.lang))})"
    return ctx.label("stages", stages[-1].stage) + (" ✓" if stages else "")


def campaign_hazards(ctx: Ctx, campaign: Campaign) -> list[Hazard]:
    return [hz for hz in ctx.archive.of_type(Hazard) if hz.campaign == campaign.id]


def headline(ctx: Ctx, campaign: Campaign) -> list[tuple[str, str]]:
    hazards = campaign_hazards(ctx, campaign)
    closed = sum(1 for hz in hazards if hz.closure is not None)
    major = sum(1 for hz in hazards if ctx.archive.has_flag("hazard-grades", hz.grade, "major"))
    grades = Counter(r.grade for r in standing(ctx.archive, SubReport, campaign.id))
    grade_words = " ".join(f"{ctx.label('grades', k)} {grades[k]}"
                           for k in ctx.archive.vocabularies.get("grades", {}) if grades[k])
    return [
        (ctx.t("period"), f"{ctx.date(campaign.start)} – {ctx.date(campaign.end)}"),
        (ctx.t("current_stage"), current_stage(ctx, campaign)),
        (ctx.t("hazards_total"), ctx.number(len(hazards))),
        (ctx.t("hazards_closed"), ctx.number(closed)),
        (ctx.t("major_hazards"), ctx.number(major)),
        (ctx.t("town_grades"), h.esc(grade_words)),
    ]


def campaign_cards(ctx: Ctx, campaigns: list[Campaign]) -> str:
    cards = []
    for campaign in sorted(campaigns, key=lambda c: (c.start, c.id), reverse=True):
        cards.append(f'<div class="zz-card"><h3>{ctx.link(campaign.id)}{ctx.fallback_mark(campaign.title)}</h3>'
                     f"{h.dl(headline(ctx, campaign))}</div>")
    return f'<div class="zz-cards">{"".join(cards)}</div>'


# ---------------------------------------------------------------------------------------------


def campaign_page(ctx: Ctx, c: Campaign) -> Page:
    title = ctx.plain(c.title)
    meta = [
        (ctx.t("period"), f"{ctx.date(c.start)} – {ctx.date(c.end)}"),
        (ctx.t("lead_department"), ctx.link(c.lead_department)),
        (ctx.t("scope_towns"), ctx.links(c.scope.towns)),
        (ctx.t("scope_domains"), ctx.links(c.scope.domains)),
    ]
    body = [block(ctx.prose(c.description)) if c.description else ""]
    body.append(section(ctx, "headline", h.dl(headline(ctx, c)[1:])))
    body.append(section(ctx, "timeline", timeline_table(ctx, c)))
    body.append(section(ctx, "plans", h.table(
        [ctx.t("kind"), ctx.t("title"), ctx.t("domain")],
        [[ctx.label("plan-kinds", p.kind), f'<span id="{h.esc(p.id)}">{ctx.text(p.title)}</span>',
          ctx.link(p.domain) if p.domain else ""] for p in c.plans])))
    body.append(section(ctx, "target_tasks", tasks_table(ctx, c)))
    body.append(section(ctx, "town_grades", town_grades(ctx, c)))
    body.append(section(ctx, "domain_grades", domain_grades(ctx, c)))
    body.append(section(ctx, "use_of_results", use_of_results(ctx, c)))
    body.append(section(ctx, "accidents", accidents(ctx, c)))
    body.append(section(ctx, "hazard_summary", hazard_summary(ctx, c)))
    documents = [r for r in report_records(ctx) if getattr(r, "campaign", None) == c.id]
    body.append(section(ctx, "documents", report_table(ctx, documents, campaign_column=False) if documents else ""))
    facets = {"year": str(c.start.year)}
    return record_page(ctx, c, title, "".join(body), facets=facets, meta=meta)


def timeline_table(ctx: Ctx, c: Campaign) -> str:
    rows = []
    for s in timeline(ctx, c):
        extension = ""
        if s.extension:
            extension = f"{ctx.link(s.extension)} {ctx.date(s.original_due)} → {ctx.date(s.due)}"
        state = h.esc(state_label(s.state, ctx.lang))
        if s.late_by:
            state += f" ({s.late_by})"
        if s.overdue_by:
            state += f" ({s.overdue_by})"
        progress = f" {s.progress[0]}/{s.progress[1]}" if s.progress else ""
        rows.append([
            ctx.label("stages", s.stage),
            ctx.date(s.due) or "—",
            ctx.date(s.completed) + (f" {ctx.link(s.evidence_id)}" if s.evidence_id else "") + h.esc(progress),
            f'<span class="zz-state zz-state-{h.esc(s.state)}">{state}</span>',
            extension,
        ])
    return h.table([ctx.t("stage"), ctx.t("due"), ctx.t("completed_on"), ctx.t("state"), ctx.t("extension")], rows)


def tasks_table(ctx: Ctx, c: Campaign) -> str:
    if not c.target_tasks:
        return ""
    rows = []
    for task in c.target_tasks:
        m = task.measure
        if m.kind == "quantitative":
            unit = ctx.plain(m.unit) if m.unit else ""
            target = f"{ctx.number(m.target, 2 if m.target % 1 else 0)} {h.esc(unit)}" if m.target is not None else ""
            actual = f"{ctx.number(m.actual, 2 if m.actual % 1 else 0)} {h.esc(unit)}" if m.actual is not None else ""
            done = ""
            if m.target and m.actual is not None:
                done = h.esc(f"{present.round_half_up(m.actual * 100 / m.target, 1)}%")
        else:
            target, actual = "", ""
            done = ctx.t("done") if m.done else ctx.t("not_done") if m.done is not None else ""
        rows.append([f'<span id="{h.esc(task.id)}">{ctx.text(task.title)}</span>', ctx.link(task.plan),
                     target, actual, done])
    return h.table([ctx.t("task"), ctx.t("plan"), ctx.t("target"), ctx.t("actual"), ctx.t("completion")], rows)


def town_grades(ctx: Ctx, c: Campaign) -> str:
    reports = standing(ctx.archive, SubReport, c.id)
    if not reports:
        return ""
    rows = [[ctx.link(r.town), f'<strong class="zz-grade">{ctx.label("grades", r.grade)}</strong>', ctx.link(r.id)]
            for r in sorted(reports, key=lambda r: r.town)]
    counts = Counter(r.grade for r in reports)
    keys = [k for k in ctx.archive.vocabularies.get("grades", {})]
    chart = charts.bars(t("chart_grades", ctx.lang), [ctx.archive.label("grades", k, ctx.lang) for k in keys],
                        [counts[k] for k in keys])
    return h.table([ctx.t("town"), ctx.t("grade"), ctx.t("type.sub-report")], rows) + chart


def domain_grades(ctx: Ctx, c: Campaign) -> str:
    reviews = standing(ctx.archive, ComprehensiveReview, c.id)
    rows = [[ctx.link(g.domain), f'<strong class="zz-grade">{ctx.label("grades", g.grade)}</strong>',
             ctx.text(g.summary), ctx.link(r.id)] for r in reviews for g in r.domain_grades]
    return h.table([ctx.t("domain"), ctx.t("grade"), ctx.t("summary"), ctx.t("type.comprehensive-review")],
                   rows) if rows else ""


def use_of_results(ctx: Ctx, c: Campaign) -> str:
    """Art. 14–16 consequences, as the rules compute them (nothing shown until they exist)."""
    try:
        from generators.rules.results import consequences
    except ImportError:
        return ""
    rows = []
    for item in consequences(ctx.archive, c.id):
        subject = getattr(item, "subject", None) or getattr(item, "town", None) or getattr(item, "domain", None)
        words = item.text(ctx.lang) if hasattr(item, "text") else str(item)
        grade = getattr(item, "grade", None)
        rows.append([ctx.link(subject) if subject else "", ctx.label("grades", grade) if grade else "",
                     h.esc(words)])
    return h.table([ctx.t("town"), ctx.t("grade"), ctx.t("consequence")], rows) if rows else ""


def accidents(ctx: Ctx, c: Campaign) -> str:
    """Accident figures of the campaign's towns and domains, by month; comparisons from the rules."""
    rows_by_month: dict[str, list] = {}
    taken: list[AccidentStatistics] = []
    towns, domains = set(c.scope.towns), set(c.scope.domains)
    for stats in ctx.archive.of_type(AccidentStatistics):
        used = False
        for row in stats.rows:
            if row.town in towns and row.domain in domains:
                rows_by_month.setdefault(row.period, []).append(row)
                used = True
        if used:
            taken.append(stats)
    if not rows_by_month:
        return ""
    months = sorted(rows_by_month)
    per_year: dict[str, list[int | float]] = {}
    for month in months:
        year = per_year.setdefault(month[:4], [0, 0, 0])
        for row in rows_by_month[month]:
            year[0] += row.count
            year[1] += row.deaths
            year[2] += float(row.loss)
    comparison = _comparisons(ctx, c)
    table = h.table(
        [ctx.t("year"), ctx.t("accident_count"), ctx.t("deaths"), ctx.t("loss")],
        [[h.esc(y), ctx.number(v[0]), ctx.number(v[1]), ctx.number(v[2], 2)] for y, v in sorted(per_year.items())])
    counts = [sum(r.count for r in rows_by_month[m]) for m in months]
    chart = charts.line_chart(t("chart_accidents", ctx.lang), [present.format_month(m, ctx.lang) for m in months],
                              counts, t("accident_count", ctx.lang))
    sources = "；".join(f"{ctx.link(s.id)} {ctx.t('taken_on')} {ctx.date(s.taken_on)}" for s in taken)
    return table + comparison + chart + f'<p class="zz-note">{sources}</p>'


def _comparisons(ctx: Ctx, c: Campaign) -> str:
    """Year-on-year and period-on-period, only through the rules' statistics module."""
    try:
        from generators.rules import statistics
    except ImportError:
        return ""
    render = getattr(statistics, "site_summary", None)
    if render is None:
        return ""
    return h.esc(render(ctx.archive, c.id, ctx.lang))


def hazard_summary(ctx: Ctx, c: Campaign) -> str:
    hazards = campaign_hazards(ctx, c)
    if not hazards:
        return ""
    statuses = list(ctx.archive.vocabularies.get("hazard-statuses", {}))
    grades = list(ctx.archive.vocabularies.get("hazard-grades", {}))
    by_town: dict[str, Counter] = {}
    for hz in hazards:
        by_town.setdefault(hz.town, Counter())[hazard_status(hz)] += 1
        by_town[hz.town][hz.grade] += 1
    rows = []
    for town in sorted(by_town):
        counts = by_town[town]
        rows.append([f'<a href="{h.esc(ctx.href(facet_url("town", town)))}">{h.esc(ctx.title(town))}</a>']
                    + [ctx.number(counts[g]) for g in grades] + [ctx.number(counts[s]) for s in statuses])
    total = Counter()
    for counts in by_town.values():
        total.update(counts)
    rows.append([f"<strong>{ctx.t('total')}</strong>"] + [ctx.number(total[g]) for g in grades]
                + [ctx.number(total[s]) for s in statuses])
    table = h.table([ctx.t("town")] + [ctx.label("hazard-grades", g) for g in grades]
                    + [ctx.label("hazard-statuses", s) for s in statuses], rows)
    link = f'<p><a href="{h.esc(ctx.href(facet_url("campaign", c.id)))}">{ctx.t("all_hazards")} →</a></p>'
    return table + closure_chart(ctx, hazards) + link


def closure_chart(ctx: Ctx, hazards: list[Hazard]) -> str:
    """Per month: dossiers closed by then and still open (found by then, not yet closed)."""
    first = min(hz.discovery.date for hz in hazards)
    last = max([hz.closure.date for hz in hazards if hz.closure] + [hz.discovery.date for hz in hazards])
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    closed, still_open = [], []
    for y, m in months:
        end = dt.date(y + (m == 12), m % 12 + 1, 1)
        found = [hz for hz in hazards if hz.discovery.date < end]
        done = sum(1 for hz in found if hz.closure and hz.closure.date < end)
        closed.append(done)
        still_open.append(len(found) - done)
    labels = [present.format_month(f"{y}-{m:02d}", ctx.lang) for y, m in months]
    return charts.stacked_bars(t("chart_closure", ctx.lang), labels,
                               [(t("hazards_closed", ctx.lang), closed), (t("hazards_open", ctx.lang), still_open)])
