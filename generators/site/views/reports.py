"""Evaluation documents: plan, self-assessment with its three lists, overall report, sub-reports,
extension requests, comprehensive review, rectification plans, look-backs, supervision checks,
long-term mechanisms; and the reports index."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generators.records.document import date_of
from generators.records.model import (
    ComprehensiveReview,
    DocumentRecord,
    EvaluationPlan,
    ExtensionRequest,
    LookBack,
    Mechanism,
    OverallReport,
    RectificationPlan,
    Section,
    SelfAssessment,
    SubReport,
    SupervisionCheck,
)
from generators.rules.completeness import CONTENT_FLAG
from generators.rules.skeleton import skeleton_flag, topic_order
from generators.site import html as h
from generators.site.context import SECTIONS, Ctx
from generators.site.i18n import t
from generators.site.pages import (
    Page,
    block,
    h1,
    heading,
    later,
    older_versions,
    page_url,
    pager,
    paginate,
    record_page,
    section,
    split_versions,
)

REPORT_TYPES = tuple(kind for kind, where in SECTIONS.items() if where == "reports")
def report_records(ctx: Ctx) -> list[DocumentRecord]:
    def compute() -> list[DocumentRecord]:
        found = [r for r in ctx.site.of_type(DocumentRecord) if r.type in REPORT_TYPES]
        order = {kind: i for i, kind in enumerate(REPORT_TYPES)}
        return sorted(found, key=lambda r: (getattr(r, "campaign", ""), order[r.type], r.id))

    return ctx.site.memo(("reports",), compute)


def pages(ctx: Ctx) -> Iterator[Page]:
    records = report_records(ctx)
    for record in records:
        yield later(report, ctx.at(f"reports/{record.id}/"), record)
    yield from report_index(ctx, records)


def report_index(ctx: Ctx, records: list[DocumentRecord]) -> Iterator[Page]:
    current, older = split_versions(ctx, records)
    chunks = paginate(current)
    for number, chunk in enumerate(chunks, start=1):
        page_ctx = ctx.at(page_url("reports/", number))
        title = t("reports", ctx.lang) + ("" if number == 1 else f" · {t('page_n', ctx.lang, n=number)}")
        body = (h1(page_ctx, title) + block(pager(page_ctx, "reports/", number, len(chunks), len(current)))
                + block(report_table(page_ctx, chunk)))
        if number == 1:
            body += block(older_versions(page_ctx, report_table(page_ctx, older), len(older)))
        yield Page(page_ctx.url, title, body)


def report_tables(ctx: Ctx, records: list[DocumentRecord], *, campaign_column: bool = True) -> str:
    """A short listing (a campaign's or a town's documents): current versions, then the older ones."""
    current, older = split_versions(ctx, records)
    table = report_table(ctx, current, campaign_column=campaign_column)
    return table + older_versions(ctx, report_table(ctx, older, campaign_column=campaign_column), len(older))


def report_table(ctx: Ctx, records: list[DocumentRecord], *, campaign_column: bool = True) -> str:
    headers = [ctx.t("record_type"), ctx.t("title"), ctx.t("town"), ctx.t("date")]
    if campaign_column:
        headers.insert(0, ctx.t("campaign"))
    rows = []
    for r in records:
        town = getattr(r, "town", None)
        row = [ctx.type_label(r.id), ctx.link(r.id) + ctx.fallback_mark(r.title),
               ctx.link(town) if town else "", ctx.date(report_date(r))]
        if campaign_column:
            row.insert(0, ctx.link(getattr(r, "campaign", None)))
        rows.append(row)
    return h.table(headers, rows)


def report_date(record: DocumentRecord):
    return date_of(record)  # the date the printed document bears


# ---------------------------------------------------------------------------------------------


def sections_html(ctx: Ctx, record: DocumentRecord, sections: list[Section]) -> str:
    """The report's sections; where the spec fixes a skeleton, every topic of it appears in order."""
    by_topic: dict[str, list[Section]] = {}
    for s in sections:
        by_topic.setdefault(s.topic, []).append(s)
    topics = list(ctx.archive.vocabularies.get("report-topics", {}))
    skeleton, order = topic_order(ctx.archive, record)
    out = []
    if skeleton_flag(record) == CONTENT_FLAG:
        out.append(block(f'<p class="zz-note">{ctx.t("skeleton_note")}</p>'))
    for number, topic in enumerate(order, start=1):
        found = by_topic.get(topic, [])
        default = ctx.archive.label("report-topics", topic, ctx.lang) if topic in topics else topic
        prefix = f"{_numeral(number, ctx.lang)}" if topic in skeleton else ""
        if not found:
            out.append(heading(ctx, prefix + default, f"topic-{topic}"))
            out.append(block(f'<p class="zz-missing">{ctx.t("not_provided")}</p>'))
        for index, s in enumerate(found):
            words = ctx.plain(s.heading) if s.heading else default
            anchor = f"topic-{topic}" + (f"-{index + 1}" if index else "")
            out.append(heading(ctx, prefix + words, anchor))
            out.append(block(ctx.prose(s.body, shift=2)))
    return "".join(out)


_ZH_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int, lang: str) -> str:
    if lang == "zh":
        word = _ZH_NUMERALS[n - 1] if n <= 10 else str(n)
        return f"{word}、"
    return f"{n}. "


def approval(ctx: Ctx, value) -> str:
    return f"{ctx.person(value.by)} {ctx.date(value.on)}" if value else ""


def circulation(ctx: Ctx, value) -> str:
    if not value:
        return ""
    return f"{ctx.date(value.on)} {ctx.link(value.notice) if value.notice else ''}"


def methods(ctx: Ctx, keys: list[str]) -> str:
    return ctx.t("sep.list").join(ctx.label("evaluation-methods", k) for k in keys)


def evidence(ctx: Ctx, items) -> str:
    shown = []
    for e in items:
        words = ctx.text(e.title)
        if e.ref:
            words += " " + ctx.link(e.ref)
        if e.method:
            words += f" （{ctx.label('evaluation-methods', e.method)}）"
        shown.append(words)
    return "<br>".join(shown)


Meta = list[tuple[str, str]]
Facets = dict[str, str | tuple[str, int] | None]


def report(ctx: Ctx, r: DocumentRecord) -> Page:
    title = ctx.plain(r.title)
    town = getattr(r, "town", None)
    meta = [(ctx.t("campaign"), ctx.link(getattr(r, "campaign", None))),
            (ctx.t("town"), ctx.link(town) if town else "")]
    body: list[str] = []
    facets: Facets = {"town": ctx.title(town) if town else None}
    date = report_date(r)
    if date:
        facets["year"] = str(date.year)
    REPORT_PARTS[type(r)](ctx, r, meta, body, facets)
    return record_page(ctx, r, title, "".join(body), facets=facets, meta=meta)


def _evaluation_plan(ctx: Ctx, r: EvaluationPlan, meta: Meta, body: list[str], facets: Facets) -> None:
    meta += [(ctx.t("issued_on"), ctx.date(r.issued_on)), (ctx.t("methods"), methods(ctx, r.methods)),
             (ctx.t("self_assessment_due"), ctx.date(r.self_assessment_due))]
    rows = [[ctx.person(m.person), ctx.text(m.role), ctx.t("yes") if m.third_party else ""]
            for m in r.leading_group]
    body.append(section(ctx, "leading_group", h.table(
        [ctx.t("member"), ctx.t("role"), ctx.t("third_party")], rows)))
    if r.schedule:
        body.append(section(ctx, "schedule", h.table(
            [ctx.t("stage"), ctx.t("due")],
            [[ctx.label("stages", s.stage), ctx.date(s.due)] for s in r.schedule])))
    body.append(sections_html(ctx, r, r.sections))


def _self_assessment(ctx: Ctx, r: SelfAssessment, meta: Meta, body: list[str], facets: Facets) -> None:
    meta += [(ctx.t("submitted_on"), ctx.date(r.submitted_on)), (ctx.t("approval"), approval(ctx, r.approval))]
    body.append(sections_html(ctx, r, r.sections))
    tasks = [[ctx.link(i.task), ctx.label("task-statuses", i.status), ctx.text(i.completion),
              evidence(ctx, i.evidence)] for i in r.target_task_list if ctx.archive.kind_of(i.task)]
    body.append(section(ctx, "target_task_list", h.table(
        [ctx.t("task"), ctx.t("status"), ctx.t("completion"), ctx.t("evidence")], tasks)
        if tasks else f"<p>{ctx.t('none')}</p>"))
    hazards = [[ctx.link(i.hazard, i.hazard), ctx.link(i.hazard), ctx.label("hazard-statuses", i.status),
                evidence(ctx, i.evidence)] for i in r.hazard_list if ctx.archive.kind_of(i.hazard)]
    body.append(section(ctx, "hazard_list", h.table(
        [ctx.t("id"), ctx.t("title"), ctx.t("status"), ctx.t("evidence")], hazards)
        if hazards else f"<p>{ctx.t('none')}</p>"))
    experience = [[ctx.text(i.title), ctx.text(i.description), evidence(ctx, i.evidence)]
                  for i in r.experience_list]
    body.append(section(ctx, "experience_list", h.table(
        [ctx.t("title"), ctx.t("description"), ctx.t("evidence")], experience)
        if experience else f"<p>{ctx.t('none')}</p>"))


def _overall_report(ctx: Ctx, r: OverallReport, meta: Meta, body: list[str], facets: Facets) -> None:
    meta += [(ctx.t("completed_on"), ctx.date(r.completed_on)), (ctx.t("approval"), approval(ctx, r.approval)),
             (ctx.t("circulated"), circulation(ctx, r.circulated)), (ctx.t("methods"), methods(ctx, r.methods))]
    body.append(sections_html(ctx, r, r.sections))


def _sub_report(ctx: Ctx, r: SubReport, meta: Meta, body: list[str], facets: Facets) -> None:
    grade = ctx.archive.label("grades", r.grade, ctx.lang)
    facets["grade"] = ctx.facet("grades", r.grade)
    meta += [(ctx.t("grade"), f'<strong class="zz-grade">{h.esc(grade)}</strong>'),
             (ctx.t("approval"), approval(ctx, r.approval)), (ctx.t("fed_back_on"), ctx.date(r.fed_back_on))]
    body.append(sections_html(ctx, r, r.sections))
    rows = [[ctx.link(v.hazard, v.hazard), ctx.link(v.hazard), ctx.date(v.verified_on),
             ctx.label("evaluation-methods", v.method), ctx.label("verification-results", v.result),
             ctx.text(v.note)] for v in r.verifications if ctx.archive.kind_of(v.hazard)]
    if rows:
        body.append(section(ctx, "verifications", h.table(
            [ctx.t(k) for k in ("id", "title", "verified_on", "method", "result", "note")], rows)))


def _comprehensive_review(ctx: Ctx, r: ComprehensiveReview, meta: Meta, body: list[str], facets: Facets) -> None:
    meta += [(ctx.t("reviewer"), ctx.link(r.reviewer)), (ctx.t("completed_on"), ctx.date(r.completed_on)),
             (ctx.t("approval"), approval(ctx, r.approval)), (ctx.t("circulated"), circulation(ctx, r.circulated)),
             (ctx.t("filed_with_office_on"), ctx.date(r.filed_with_office_on))]
    rows = [[ctx.link(g.domain), f'<strong class="zz-grade">{ctx.label("grades", g.grade)}</strong>',
             ctx.text(g.summary)] for g in r.domain_grades]
    body.append(section(ctx, "domain_grades", h.table(
        [ctx.t("domain"), ctx.t("grade"), ctx.t("summary")], rows)))
    body.append(sections_html(ctx, r, r.sections))


def _rectification_plan(ctx: Ctx, r: RectificationPlan, meta: Meta, body: list[str], facets: Facets) -> None:
    meta += [(ctx.t("issued_on"), ctx.date(r.issued_on)), (ctx.t("reported_to"), ctx.links(r.reported_to))]
    rows = [[ctx.text(i.problem), ctx.link(i.responsible), ctx.text(i.measures), ctx.date(i.deadline),
             ctx.date(i.done_on)] for i in r.items]
    body.append(section(ctx, "items", h.table(
        [ctx.t(k) for k in ("problem", "responsible", "measures", "deadline", "done_on")], rows)))


def _extension_request(ctx: Ctx, r: ExtensionRequest, meta: Meta, body: list[str], facets: Facets) -> None:
    decision = ""
    if r.decision:
        words = ctx.t("granted") if r.decision.granted else ctx.t("refused")
        decision = f"{words} {ctx.link(r.decision.by)} {ctx.date(r.decision.on)}"
    meta += [(ctx.t("stage"), ctx.label("stages", r.stage)), (ctx.t("filed_on"), ctx.date(r.filed_on)),
             (ctx.t("requested_due"), ctx.date(r.requested_due)), (ctx.t("decision"), decision)]
    body.append(section(ctx, "explanation", ctx.prose(r.explanation)))


def _look_back(ctx: Ctx, r: LookBack, meta: Meta, body: list[str], facets: Facets) -> None:
    meta += [(ctx.t("department"), ctx.link(r.department)), (ctx.t("towns_list"), ctx.links(r.towns)),
             (ctx.t("date"), ctx.date(r.date))]
    body.append(section(ctx, "findings", ctx.prose(r.findings)))
    hazards = [f"<li>{ctx.link(i, i)} {ctx.link(i)}</li>" for i in r.hazards if ctx.archive.kind_of(i)]
    if hazards:
        body.append(section(ctx, "hazards", f"<ul>{''.join(hazards)}</ul>"))


def _supervision_check(ctx: Ctx, r: SupervisionCheck, meta: Meta, body: list[str], facets: Facets) -> None:
    meta += [(ctx.t("by"), ctx.link(r.by)), (ctx.t("date"), ctx.date(r.date))]
    body.append(section(ctx, "findings", ctx.prose(r.findings)))


def _mechanism(ctx: Ctx, r: Mechanism, meta: Meta, body: list[str], facets: Facets) -> None:
    meta += [(ctx.t("issuer"), ctx.link(r.issuer)), (ctx.t("issued_on"), ctx.date(r.issued_on)),
             (ctx.t("domain"), ctx.link(r.domain) if r.domain else ""),
             (ctx.t("document_number"), ctx.link(r.document) if r.document else "")]
    body.append(section(ctx, "description", ctx.prose(r.description)))


# A report page's fields and parts, by the record's class (the print lays its documents out by
# class too: generators.documents.content.REPORT_BODIES).
REPORT_PARTS: dict[type[DocumentRecord], Callable[[Ctx, Any, Meta, list[str], Facets], None]] = {
    EvaluationPlan: _evaluation_plan,
    SelfAssessment: _self_assessment,
    OverallReport: _overall_report,
    SubReport: _sub_report,
    ComprehensiveReview: _comprehensive_review,
    RectificationPlan: _rectification_plan,
    ExtensionRequest: _extension_request,
    LookBack: _look_back,
    SupervisionCheck: _supervision_check,
    Mechanism: _mechanism,
}
