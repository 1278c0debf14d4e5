"""Campaign pages: procedure timeline, target tasks, grades, use of results, accidents, hazards."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from generators import charts, present
from generators.records.model import AccidentStatistics, Campaign, ComprehensiveReview, Hazard, SubReport
from generators.rules.records import standing
from generators.site import html as h
from generators.site.context import Ctx
from generators.site.i18n import t
from generators.site.pages import Page, block, h1, later, record_page, section
from generators.site.views.hazards import facet_url
from generators.site.views.reports import report_records, report_tables


def state_label(status, lang: str) -> str:
    """The stage state in words, as ``make check`` words it (one wording everywhere)."""
    from generators.rules.report import state_text

    return state_text(status, lang)


def pages(ctx: Ctx) -> Iterator[Page]:
    campaigns = ctx.site.of_type(Campaign)
    for campaign in campaigns:
        yield later(campaign_page, ctx.at(f"campaigns/{campaign.id}/"), campaign)
    yield later(campaign_index, ctx.at("campaigns/"))


def campaign_index(ctx: Ctx) -> Page:
    """Every campaign's card (made again only when what its figures read changed)."""
    title = t("campaigns", ctx.lang)
    return Page(ctx.url, title, h1(ctx, title) + block(campaign_cards(ctx, ctx.site.of_type(Campaign))))


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
            return ctx.label("stages", s.stage) + ctx.t("paren", inner=state_label(s, ctx.lang))
    return ctx.label("stages", stages[-1].stage) + (" ✓" if stages else "")


def campaign_hazards(ctx: Ctx, campaign: Campaign) -> list[Hazard]:
    def group() -> dict[str, list[Hazard]]:
        found: dict[str, list[Hazard]] = {}
        for hz in ctx.site.of_type(Hazard):
            found.setdefault(hz.campaign, []).append(hz)
        return found

    return ctx.site.memo(("hazards-by-campaign",), group).get(campaign.id, [])


def headline(ctx: Ctx, campaign: Campaign) -> list[tuple[str, str]]:
    """The campaign's headline figures, as the rules compute them (published records only)."""
    from generators.rules.statistics import headline as compute

    figures = compute(ctx.archive, campaign.id, ctx.site.build_date)
    hz = figures.hazards
    grades = Counter(r.grade for r in standing(ctx.archive, SubReport, campaign.id))
    grade_words = " ".join(f"{ctx.label('grades', k)} {grades[k]}"
                           for k in ctx.archive.vocabularies.get("grades", {}) if grades[k])
    accidents = figures.accidents
    yoy = accidents.changes["count"]
    return [
        (ctx.t("period"), f"{ctx.date(campaign.start)} – {ctx.date(campaign.end)}"),
        (ctx.t("current_stage"), current_stage(ctx, campaign)),
        (ctx.t("hazards_total"), ctx.number(hz.total) + ctx.t(
            "paren", inner=f"{t('rectification_rate', ctx.lang)} {hz.rectification_rate.text(ctx.lang)}")
         + ctx.excluding(ctx.classified_count("hazard", campaign=campaign.id))),
        (ctx.t("major_hazards"), ctx.t("closed_of", closed=hz.major_closed, total=hz.major_total)),
        (ctx.t("overdue_hazards"), ctx.number(len(hz.overdue))),
        (ctx.t("task_completion"), h.esc(figures.tasks.text(ctx.lang))),
        (ctx.t("accidents"), ctx.t("with_yoy", n=accidents.current.count, change=yoy.text(ctx.lang))),
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
    body.append(section(ctx, "documents", report_tables(ctx, documents, campaign_column=False) if documents else ""))
    facets = {"year": str(c.start.year)}
    return record_page(ctx, c, title, "".join(body), facets=facets, meta=meta)


def timeline_table(ctx: Ctx, c: Campaign) -> str:
    rows = []
    for s in timeline(ctx, c):
        extension = ""
        if s.extension:
            extension = f"{ctx.link(s.extension)} {ctx.date(s.original_due)} → {ctx.date(s.due)}"
        state = h.esc(state_label(s, ctx.lang))
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
    series = charts.grade_distribution(ctx.archive, c.id)
    chart = charts.bars(t("chart_grades", ctx.lang), [ctx.archive.label("grades", k, ctx.lang) for k, _ in series],
                        [n for _, n in series])
    return h.table([ctx.t("town"), ctx.t("grade"), ctx.t("type.sub-report")], rows) + chart


def domain_grades(ctx: Ctx, c: Campaign) -> str:
    reviews = standing(ctx.archive, ComprehensiveReview, c.id)
    rows = [[ctx.link(g.domain), f'<strong class="zz-grade">{ctx.label("grades", g.grade)}</strong>',
             ctx.text(g.summary), ctx.link(r.id)] for r in reviews for g in r.domain_grades]
    return h.table([ctx.t("domain"), ctx.t("grade"), ctx.t("summary"), ctx.t("type.comprehensive-review")],
                   rows) if rows else ""


def use_of_results(ctx: Ctx, c: Campaign) -> str:
    """Arts. 14–16: what each grade means for the graded unit, from the rules."""
    from generators.rules.report import consequence_keys
    from generators.rules.results import consequences

    rows = []
    for row in consequences(ctx.archive, c.id):
        effects = [f"<strong>{ctx.t(key)}</strong>" if key == "effect_veto" else ctx.t(key)
                   for key in consequence_keys(row)]
        rows.append([ctx.link(row.unit), ctx.link(row.organisation) if row.organisation != row.unit else "",
                     f'<strong class="zz-grade">{ctx.label("grades", row.grade)}</strong>', ctx.link(row.source),
                     ctx.t("sep.clause").join(effects) or "—"])
    return h.table([ctx.t("unit"), ctx.t("bears"), ctx.t("grade"), ctx.t("source_report"), ctx.t("consequence")],
                   rows) if rows else ""


def accidents(ctx: Ctx, c: Campaign) -> str:
    """Accidents in the campaign's months, year-on-year and period-on-period, by the rules."""
    from generators.rules import statistics as st

    if not ctx.site.of_type(AccidentStatistics):
        return ""
    period = st.Period.of_campaign(c)
    yoy = st.year_on_year(ctx.archive, period)
    pop = st.period_on_period(ctx.archive, period)
    notes: set[str] = set()

    def change(value) -> str:
        if value.footnote(ctx.lang):
            notes.add(value.footnote(ctx.lang))
        return h.esc(value.text(ctx.lang))

    def amount(metric: str, figures) -> str:
        return ctx.number(figures.get(metric), 2 if metric == "loss" else 0)

    # A period the statistics do not cover whole has no figure: a sum of part of it would mislead.
    covered = ctx.site.memo(("accident-months",), lambda: sorted(
        {r.period for s in ctx.site.of_type(AccidentStatistics) for r in s.rows}))
    no_data = f'<span class="zz-missing">{ctx.t("no_data")}</span>'

    def whole(p) -> bool:
        return bool(covered) and covered[0] <= p.months()[0] and p.months()[-1] <= covered[-1]

    if not all(whole(p) for p in (period, yoy.base_period, pop.base_period)) and covered:
        notes.add(t("data_from", ctx.lang, first=present.format_month(covered[0], ctx.lang),
                    last=present.format_month(covered[-1], ctx.lang)))

    def cells(comparison, metric: str) -> list[str]:
        if not whole(comparison.base_period) or not whole(period):
            return [no_data, no_data]
        return [amount(metric, comparison.base), change(comparison.changes[metric])]

    rows = [[ctx.t(st.METRIC_WORDS[m]),
             amount(m, yoy.current) if whole(period) else no_data, *cells(yoy, m), *cells(pop, m)]
            for m in st.METRICS]
    headers = [ctx.t("metric"), h.esc(period.label(ctx.lang)), h.esc(yoy.base_period.label(ctx.lang)), ctx.t("yoy"),
               h.esc(pop.base_period.label(ctx.lang)), ctx.t("pop")]
    table = h.table(headers, rows)
    towns = st.accident_breakdown(ctx.archive, period, "town", list(c.scope.towns))
    by_town = h.table([ctx.t("town"), ctx.t("accident_count"), ctx.t("deaths"), ctx.t("loss"), ctx.t("yoy")],
                      [[ctx.link(town), amount("count", cmp.current), amount("deaths", cmp.current),
                        amount("loss", cmp.current), change(cmp.changes["count"])] for town, cmp in towns.items()])
    trend = charts.accident_trend(ctx.archive, c)
    chart = charts.line_chart(t("chart_accidents", ctx.lang), [present.format_month(m, ctx.lang) for m, _ in trend],
                              [float(n) for _, n in trend], t("accident_count", ctx.lang))
    footnotes = "".join(f'<p class="zz-note">* {h.esc(n)}</p>' for n in sorted(notes))
    return table + footnotes + by_town + chart


def hazard_summary(ctx: Ctx, c: Campaign) -> str:
    """Per town: dossiers, rectification rate, major hazards closed, overdue, task completion (rules)."""
    from generators.rules.statistics import by_town, hazard_figures

    hazards = campaign_hazards(ctx, c)
    if not hazards:
        return ""
    rows = []
    for town, (figures, tasks) in by_town(ctx.archive, c.id, ctx.site.build_date).items():
        rows.append(_figure_row(ctx, f'<a href="{h.esc(ctx.href(facet_url("town", town)))}">'
                                     f'{h.esc(ctx.title(town))}</a>', figures, tasks.text(ctx.lang)))
    total = hazard_figures(ctx.archive, ctx.site.build_date, c.id)
    rows.append(_figure_row(ctx, f"<strong>{ctx.t('total')}</strong>", total, ""))
    table = h.table([ctx.t(k) for k in ("town", "hazards_total", "hazards_rectified", "rectification_rate",
                                        "major_hazards", "hazards_closed", "overdue_hazards", "task_completion")],
                    rows)
    link = f'<p><a href="{h.esc(ctx.href(facet_url("campaign", c.id)))}">{ctx.t("all_hazards")} →</a></p>'
    return table + closure_chart(ctx, hazards) + link


def _figure_row(ctx: Ctx, label: str, f, tasks: str) -> list[str]:
    return [label, ctx.number(f.total), ctx.number(f.rectified), h.esc(f.rectification_rate.text(ctx.lang)),
            ctx.number(f.major_total), ctx.number(f.major_closed), ctx.number(len(f.overdue)), h.esc(tasks)]


def closure_chart(ctx: Ctx, hazards: list[Hazard]) -> str:
    """Per month: dossiers closed by then and still open (found by then, not yet closed)."""
    series = charts.hazard_closure(hazards)
    labels = [present.format_month(m, ctx.lang) for m in series.months]
    return charts.stacked_bars(t("chart_closure", ctx.lang), labels,
                               [(t("hazards_closed", ctx.lang), series.closed),
                                (t("hazards_open", ctx.lang), series.still_open)])
