"""The printed form of each document kind, as a pandoc AST (see :mod:`generators.documents.ast`).

Every piece of text is recorded with its font role and its source (record ID and field path),
so the glyph check can name the characters and where they were written before anything renders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generators import charts, present
from generators.documents import ast, prose, tables, titles
from generators.documents.fonts import load_config
from generators.records import Archive
from generators.records.document import author_of, date_of
from generators.records.model import (
    Campaign,
    ComprehensiveReview,
    DocumentRecord,
    EvaluationPlan,
    Hazard,
    Notice,
    Organisation,
    OverallReport,
    Person,
    Record,
    RectificationPlan,
    Section,
    SelfAssessment,
    SubReport,
)
from generators.refs.render import Replacer, attachment_label, print_replacer, replace_refs
from generators.refs.resolve import resolve
from generators.refs.syntax import RefMatch
from generators.rules import statistics as st
from generators.rules.records import standing
from generators.rules.skeleton import topic_order

PathT = tuple[str | int, ...]
TITLE_CHARS_PER_LINE = 20  # 2号 (22 pt) characters in 156 mm


@dataclass(frozen=True)
class Use:
    """A piece of printed text, the font role that prints it and where it was written."""

    role: str
    text: str
    record_id: str | None
    path: PathT


@dataclass
class Printable:
    stem: str
    kind: str
    title: str
    author: str
    date: dt.date | None
    record_ids: tuple[str, ...]
    blocks: list[ast.Node] = field(default_factory=list)
    uses: list[Use] = field(default_factory=list)
    landscape: bool = False
    mark_length: int = 10
    head_lines: int = 0  # 份号, 密级, 紧急程度 lines above the issuer mark
    upward: bool = False  # 上行文: the mark 80 mm from the top, the 签发人 line
    images: dict[str, str] = field(default_factory=dict)  # file name → SVG (charts)

    def meta(self, fonts: dict[str, str], weights: dict[str, str]) -> dict[str, Any]:
        """The Typst template's inputs (strings, never code)."""
        return {
            "title": self.title,
            "author": [self.author] if self.author else [],
            "date": [self.date.year, self.date.month, self.date.day] if self.date else None,
            "fonts": fonts,
            "weights": weights,
            "landscape": self.landscape,
            "mark-length": self.mark_length,
            "head-lines": self.head_lines,
            "upward": self.upward,
        }


def clerk_replacer(archive: Archive, notice: Notice | None) -> Replacer:
    """References as a clerk cites them: a notice by 《title》（document number）, a hazard by its
    ID and title without 《》 (《》 is for titled documents), nothing between them: Chinese text
    puts no space beside Latin letters or digits; the rest as the shared print words
    (《title》 of a report, 附件N, a name)."""
    shared = print_replacer(archive, notice)

    def replace(match: RefMatch, target_id: str | None) -> str:
        record = archive.get(target_id) if target_id and not match.label else None
        if isinstance(record, Notice) and (notice is None or record.id != notice.id):
            inner = record.title.zh.replace("《", "〈").replace("》", "〉")  # a title within a title
            return f"《{inner}》（{record.document_number}）"
        if isinstance(record, Hazard):
            return f"{record.id}{record.title.zh}"  # no space between the ID and Chinese text
        return shared(match, target_id)

    return replace


class Builder:
    """Collects blocks and the text each font role must cover."""

    def __init__(self, archive: Archive, printable: Printable, notice: Notice | None = None):
        self.archive = archive
        self.doc = printable
        self.replacer = clerk_replacer(archive, notice)

    # -- text --------------------------------------------------------------------------------

    def words(self, text: str) -> str:
        """Text with ``[[references]]`` printed as words (document number, 《title》, 附件N)."""
        return replace_refs(text, self.archive, self.replacer)

    def use(self, role: str, text: str, record_id: str | None, path: PathT = ()) -> str:
        self.doc.uses.append(Use(role, text, record_id, path))
        return text

    def add(self, *blocks: ast.Node) -> None:
        self.doc.blocks.extend(blocks)

    def styled(self, style: str, word_style: str, text: str, role: str = "body",
               src: tuple[str | None, PathT] = (None, ())) -> ast.Node:
        self.use(role, text, *src)
        return ast.div(style, [ast.para(text)], word_style)

    def lines(self, style: str, word_style: str, lines: list[str], role: str,
              src: tuple[str | None, PathT]) -> ast.Node:
        """One paragraph whose lines break where given (a title shaped like a trapezoid)."""
        content: list[ast.Node] = []
        for index, line in enumerate(lines):
            if index:
                content.append({"t": "LineBreak"})
            content.extend(ast.inlines(self.use(role, line, *src)))
        return ast.div(style, [ast.para(content)], word_style)

    def prose(self, markdown: str, src: tuple[str | None, PathT], chapters: bool = False) -> None:
        """Body paragraphs, read by pandoc's Markdown reader (:mod:`generators.documents.prose`);
        headings print as 章 (centred 黑体) in attachments, else （一） 楷体."""
        source, read = prose.reader_for(self.archive).read(markdown)

        def heading(level: int, words: str) -> ast.Node:
            if chapters:
                return self.styled("chapter", "GW Chapter", words, "hei", src)
            if level <= 2:
                return self.styled("heading-2", "GW Heading 2", words, "kai", src)
            return self.styled("plain", "GW Body", words, "body", src)

        def words(match: RefMatch) -> str:
            return self.replacer(match, resolve(self.archive, match.target))

        printer = prose.Printer(source, words, heading, lambda header, rows: self.table_node(header, rows, src))
        for block in printer.blocks(read):
            if block["t"] == "Para":
                self.use("body", ast.text_of(block), *src)
            self.add(block)

    def heading1(self, text: str, src: tuple[str | None, PathT] = (None, ())) -> None:
        self.add(self.styled("heading-1", "GW Heading 1", text, "hei", src))

    def para(self, text: str, src: tuple[str | None, PathT] = (None, ())) -> None:
        self.use("body", text, *src)
        self.add(ast.para(text))

    def figure(self, svg: str, caption: str, labels: list[str], src: tuple[str | None, PathT]) -> None:
        """A numbered chart (图N caption) below its SVG; ``labels`` are the chart's words, checked
        against the chart font like any printed text."""
        if not svg:
            return
        number = len(self.doc.images) + 1
        name = f"chart-{number}.svg"
        self.doc.images[name] = svg
        for words in labels:
            self.use("hei", words, *src)
        image = {"t": "Image", "c": [["", [], [["width", "100%"]]], [], [name, ""]]}
        words = self.use("body", f"图{number}{ast.IDEOGRAPHIC_SPACE}{caption}", *src)
        # One block: the chart never parts from its caption at a page break.
        self.add(ast.div("figure", [ast.para([image]), ast.para(words)], "GW Figure"))

    def table(self, header: list[str], rows: list[list[str]], src: tuple[str | None, PathT] = (None, ())) -> None:
        self.add(self.table_node(header, rows, src))

    def table_node(self, header: list[str], rows: list[list[str]], src: tuple[str | None, PathT]) -> ast.Node:
        """A table whose column widths follow its content (:mod:`generators.documents.tables`)."""
        for cell in header + [c for r in rows for c in r]:
            self.use("body", cell, *src)
        return ast.table(header, rows, tables.layout(header, rows, self.doc.landscape))

    def title(self, text: str, src: tuple[str | None, PathT], style: str = "report-title") -> None:
        # Word: the notice's title two blank lines below the rule; a report's (or an attachment's,
        # below its label's blank line) at the top, as in the PDF.
        word_style = "GW Title" if style == "title" else "GW Report Title"
        self.add(self.lines(style, word_style, titles.title_lines(text, TITLE_CHARS_PER_LINE), "title", src))

    def signature(self, signature: str, date: dt.date | None, src: tuple[str | None, PathT]) -> None:
        if date is None:
            return
        when = present.format_date(date, "zh")
        self.use("body", signature + when, *src)
        self.add(ast.div("signature", [
            ast.div("plain", [ast.para(signature)], "GW Signature"),
            ast.div("plain", [ast.para(when)], "GW Date"),
        ]))

    def page_break(self) -> None:
        # One break for both formats: docx.lua writes Word's (a second one made a blank page).
        self.add(ast.div("new-page", [], None))


def org_name(archive: Archive, org_id: str | None) -> str:
    return present.title(archive, org_id, "zh") if org_id else ""


def person_name(archive: Archive, person_id: str | None) -> str:
    record = archive.get(person_id) if person_id else None
    if isinstance(record, Person):
        return record.name.zh
    if isinstance(record, Organisation):
        return record.name.zh
    return person_id or ""


def label(archive: Archive, vocabulary: str, key: str | None) -> str:
    return archive.label(vocabulary, key, "zh") if key else ""


def date(value: dt.date | None) -> str:
    return present.format_date(value, "zh") if value else ""


# ---------------------------------------------------------------------------------------------
# Notices and circulars (GB/T 9704-2012 full layout)


def issued_attachment(notice: Notice) -> str | None:
    """The ID of the attachment a 印发/转发 notice issues: its title is the 《…》 of the notice's
    title. That attachment is the document itself (the seed prints it without an attachment
    note or "附件" label), not an attachment in the sense of GB/T 9704 7.3.3."""
    title = notice.title.zh
    if "印发" not in title and "转发" not in title:
        return None
    for attachment in notice.attachments:
        if f"《{attachment.title.zh}》" in title:
            return attachment.id or attachment.title.zh
    return None


def notice(archive: Archive, record: Notice, stem: str, body_of: Callable[[Builder, str], None]) -> Printable:
    issuer = report_author(archive, record)
    doc = Printable(stem, "notice", record.title.zh, issuer, date_of(record), (record.id,),
                    mark_length=len(issuer))
    b = Builder(archive, doc, record)
    rid = record.id
    if record.copy_number:
        b.add(b.styled("copy-number", "GW Plain", record.copy_number, "body", (rid, ("copy_number",))))
    if present.is_classified(archive, record):
        b.add(b.styled("secret", "GW Secret", present.classification(archive, record), "hei",
                       (rid, ("classification",))))
    if record.urgency:
        b.add(b.styled("urgency", "GW Secret", label(archive, "urgency", record.urgency), "hei",
                       (rid, ("urgency",))))
    doc.head_lines = sum(1 for block in doc.blocks if block["t"] == "Div")
    b.add(b.styled("mark", "GW Mark", issuer, "title", (rid, ("issuer",))))
    b.add(b.styled("number", "GW Number", record.document_number, "body", (rid, ("document_number",))))
    b.add(ast.div("red-rule", [], "GW Red Rule"))
    b.title(record.title.zh, (rid, ("title",)), style="title")
    b.add(b.styled("addressees", "GW Addressees", b.words(record.addressees.zh) + "：", "body",
                   (rid, ("addressees",))))
    b.prose(record.body.zh or "", (rid, ("body",)))

    issued = issued_attachment(record)
    listed = [(i, a) for i, a in enumerate(record.attachments) if (a.id or a.title.zh) != issued]
    # Kept with the signature: the text's last paragraph and the attachment notes (or the notes
    # alone when the text ends in something else).
    closing = len(doc.blocks) - (1 if (doc.blocks and doc.blocks[-1].get("t") == "Para") or not listed else 0)
    for position, (index, attachment) in enumerate(listed):
        b.add(attachment_note(b, position, len(listed), attachment.title.zh, (rid, ("attachments", index, "title"))))
    b.signature(b.words(record.signature.zh) if record.signature else issuer, doc.date, (rid, ("signature",)))
    keep_together(doc, closing)
    if record.note:
        b.add(b.styled("annotation", "GW Body", f"（{b.words(record.note.zh)}）", "body", (rid, ("note",))))

    for index, attachment in enumerate(record.attachments):
        src = (rid, ("attachments", index))
        b.page_break()
        if (attachment.id or attachment.title.zh) != issued:
            # One attachment is "附件", several "附件1" "附件2" (GB/T 9704 7.3.4).
            name = "附件" if len(listed) == 1 else (
                attachment_label(record, attachment.id) if attachment.id else f"附件{index + 1}")
            b.add(b.styled("attachment-label", "GW Attachment Label", name, "hei", src))
        b.title(attachment.title.zh, (rid, ("attachments", index, "title")), style="attachment-title")
        if attachment.body is not None:
            b.prose(attachment.body.zh or "", (rid, ("attachments", index, "body")), chapters=True)
        elif attachment.ref:
            body_of(b, attachment.ref)
            doc.record_ids += (attachment.ref,)

    if record.copy_to or record.printed_by:
        printer = org_name(archive, record.printed_by) if record.printed_by else issuer
        printed_on = record.printed_on or doc.date
        copy_to = f"抄送：{b.words(record.copy_to.zh)}。" if record.copy_to else None
        b.use("body", (copy_to or "") + printer + date(printed_on) + "印发", rid, ("copy_to",))
        b.add(ast.div("end-block", [
            ast.div("plain", [ast.para(copy_to)], "GW End Copy") if copy_to else ast.none_arg(),
            ast.div("plain", [ast.para(printer)], "GW End Printer"),
            ast.div("plain", [ast.para(date(printed_on) + "印发")], "GW End Printer"),
        ]))
    return doc


def attachment_note(b: Builder, position: int, count: int, name: str, src: tuple[str | None, PathT]) -> ast.Node:
    """One line of the 附件说明: "附件：" before the first, "1." "2." when there are several."""
    lead = ast.div("plain", [ast.para(b.use("body", "附件：", *src))]) if position == 0 else ast.none_arg()
    number = ast.div("plain", [ast.para(f"{position + 1}.")]) if count > 1 else ast.none_arg()
    b.use("body", f"{position + 1}.", *src)
    note = ast.div("attachment-note", [lead, number, ast.div("plain", [ast.para(b.use("body", name, *src))])])
    # For Word (docx.lua), which gets the parts as paragraphs without their empty places.
    note["c"][0][2] += [["gw-first", str(position == 0).lower()], ["gw-several", str(count > 1).lower()]]
    return note


KEEP_TABLE_ROWS = 20  # a table this short ending a report stays on the page of its signature


def keep_together(doc: Printable, start: int) -> None:
    """The blocks from ``start`` on (the text's last paragraph or the attachment notes, then the
    signature) on one page: the signature never stands alone (GB/T 9704 7.3.5.4)."""
    first = doc.blocks[start] if 0 <= start < len(doc.blocks) else {}
    short_table = first.get("t") == "Table" and len(first["c"][4][0][3]) <= KEEP_TABLE_ROWS
    if first.get("t") == "Para" or short_table or "gw-attachment-note" in str(first.get("c", [[None, []]])[0][1]):
        doc.blocks[start:] = [ast.div("keep", doc.blocks[start:])]


# ---------------------------------------------------------------------------------------------
# Reports: overall, sub-report, comprehensive review, evaluation plan, rectification plan,
# self-assessment. Title, then sections numbered 一、二、 (黑体), then the record's lists.

NUMERALS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return NUMERALS[tens - 1] + "十" + (NUMERALS[ones - 1] if ones else "")


class Sections:
    """Numbered headings 一、二、 across a report, whether from sections or from lists."""

    def __init__(self, b: Builder):
        self.b = b
        self.count = 0

    def heading(self, words: str, src: tuple[str | None, PathT] = (None, ())) -> None:
        self.count += 1
        self.b.heading1(f"{chinese_number(self.count)}、{words}", src)


def section_order(archive: Archive, record: Record) -> list[tuple[int, Section]]:
    """(index, section) in the page's order (:func:`generators.rules.skeleton.topic_order`):
    sections of one topic together."""
    sections = list(enumerate(getattr(record, "sections", [])))
    _, order = topic_order(archive, record)
    return [(index, s) for topic in order for index, s in sections if s.topic == topic]


def _sections(b: Builder, numbered: Sections, record: Record) -> None:
    for index, section in section_order(b.archive, record):
        heading = section.heading.zh if section.heading else label(b.archive, "report-topics", section.topic)
        numbered.heading(heading, (record.id, ("sections", index, "heading" if section.heading else "topic")))
        b.prose(section.body.zh or "", (record.id, ("sections", index, "body")))


def report_body(b: Builder, record: Record) -> None:
    """The body of a report-like record (also printed as a notice's attachment): numbered
    sections and lists, as its class lays them out (:data:`REPORT_BODIES`)."""
    REPORT_BODIES[type(record)](b, Sections(b), record)


def _evaluation_plan(b: Builder, numbered: Sections, record: EvaluationPlan) -> None:
    archive, rid = b.archive, record.id
    if record.leading_group:
        numbered.heading("评估工作领导小组")
        b.table(["姓名", "单位", "职务"], [
            [person_name(archive, m.person), org_name(archive, _person_org(archive, m.person)),
             m.role.zh + ("（第三方专家）" if m.third_party else "")] for m in record.leading_group
        ], (rid, ("leading_group",)))
    if record.schedule:
        numbered.heading("时序进度安排")
        b.table(["环节", "完成时限"], [[label(archive, "stages", s.stage), date(s.due)] for s in record.schedule],
                (rid, ("schedule",)))
    if record.methods:
        numbered.heading("评估方法")
        b.para(methods_text(archive, record.methods), (rid, ("methods",)))
    _sections(b, numbered, record)  # after the group and the schedule, as on the plan's page


def _self_assessment(b: Builder, numbered: Sections, record: SelfAssessment) -> None:
    archive, rid = b.archive, record.id
    _sections(b, numbered, record)
    numbered.heading("目标任务完成情况清单")
    b.table(["序号", "目标任务", "完成情况", "状态"], [
        [str(i + 1), present.title(archive, item.task, "zh"), item.completion.zh,
         label(archive, "task-statuses", item.status)] for i, item in enumerate(record.target_task_list)
    ], (rid, ("target_task_list",)))
    numbered.heading("问题隐患整改情况清单")
    b.table(["序号", "隐患编号", "问题隐患", "整改状态"], [
        [str(i + 1), item.hazard, present.title(archive, item.hazard, "zh"),
         label(archive, "hazard-statuses", item.status)] for i, item in enumerate(record.hazard_list)
    ], (rid, ("hazard_list",)))
    numbered.heading("典型经验做法清单")
    b.table(["序号", "经验做法", "主要内容"], [
        [str(i + 1), item.title.zh, item.description.zh if item.description else ""]
        for i, item in enumerate(record.experience_list)
    ], (rid, ("experience_list",)))


def _sub_report(b: Builder, numbered: Sections, record: SubReport) -> None:
    archive, rid = b.archive, record.id
    b.para(f"分级认定结果：{label(archive, 'grades', record.grade)}", (rid, ("grade",)))
    _sections(b, numbered, record)
    if record.verifications:
        numbered.heading("问题隐患“过筛式”核查情况")
        # Dates as 2023-02-01 (as in the hazard lists): in 小四 the hazard then keeps ten characters a line.
        b.table(["隐患编号", "问题隐患", "核查日期", "方式", "结果"], [
            [v.hazard, present.title(archive, v.hazard, "zh"), _iso(v.verified_on),
             label(archive, "evaluation-methods", v.method), label(archive, "verification-results", v.result)]
            for v in record.verifications
        ], (rid, ("verifications",)))
    numbered.heading("各区镇分级认定结果")
    b.table(["区镇", "等级"], grade_list(archive, record.campaign), (rid, ("grade",)))


def _comprehensive_review(b: Builder, numbered: Sections, record: ComprehensiveReview) -> None:
    archive = b.archive
    _sections(b, numbered, record)
    if record.domain_grades:
        numbered.heading("各重点行业领域分级认定结果")
        b.table(["行业领域", "等级", "说明"], [
            [present.title(archive, g.domain, "zh"), label(archive, "grades", g.grade),
             g.summary.zh if g.summary else ""]
            for g in record.domain_grades
        ], (record.id, ("domain_grades",)))
    statistics_tables(b, numbered, record)


def _rectification_plan(b: Builder, numbered: Sections, record: RectificationPlan) -> None:
    archive = b.archive
    numbered.heading("整改任务")
    b.table(["序号", "问题", "整改措施", "责任", "时限", "完成"], [
        [str(i + 1), item.problem.zh, item.measures.zh, person_name(archive, item.responsible),
         date(item.deadline), date(item.done_on)] for i, item in enumerate(record.items)
    ], (record.id, ("items",)))


def _overall_report(b: Builder, numbered: Sections, record: OverallReport) -> None:
    _sections(b, numbered, record)
    statistics_tables(b, numbered, record)
    if record.methods:
        numbered.heading("评估方法")
        b.para(methods_text(b.archive, record.methods), (record.id, ("methods",)))


ReportBody = Callable[[Builder, Sections, Any], None]
# The printed body of each report class; the catalogue prints a document for each class here.
REPORT_BODIES: dict[type[Record], ReportBody] = {
    OverallReport: _overall_report,
    SubReport: _sub_report,
    ComprehensiveReview: _comprehensive_review,
    EvaluationPlan: _evaluation_plan,
    RectificationPlan: _rectification_plan,
    SelfAssessment: _self_assessment,
}


def statistics_tables(b: Builder, numbered: Sections, record: OverallReport | ComprehensiveReview) -> None:
    """Art. 5 figures of the report's campaign, as of the report's date: the same computations
    (generators.rules.statistics) the site shows, never recomputed here."""
    archive = b.archive
    campaign = archive.get(record.campaign)
    if campaign is None:
        return
    as_of = record.completed_on or campaign.end
    head = st.headline(archive, campaign.id, as_of)
    acc = head.accidents
    numbered.heading(f"主要统计数据（截至{date(as_of)}）")
    metrics = (("生产安全事故起数", "count"), ("死亡人数", "deaths"), ("直接经济损失（万元）", "loss"))
    rows = [[name, _figure(acc.current.get(metric)), _figure(acc.base.get(metric)),
             _signed(acc.changes[metric].text("zh"))]
            for name, metric in metrics if metric in acc.changes]
    b.para(f"生产安全事故：{acc.current_period.label('zh')}与上年同期（{acc.base_period.label('zh')}）比较。",
           (record.id, ("campaign",)))
    b.table(["指标", "本期", "上年同期", "同比"], rows, (record.id, ("campaign",)))
    notes = {_signed(change.footnote("zh")) for change in acc.changes.values() if change.footnote("zh")}
    for note in sorted(notes):
        b.para(f"*{note}。", (record.id, ("campaign",)))
    hz = head.hazards
    b.table(["问题隐患", "数量", "比率"], [
        ["问题隐患总数", str(hz.total), ""],
        ["已整改", str(hz.rectified), hz.rectification_rate.text("zh")],
        ["重大隐患", str(hz.major_total), ""],
        ["重大隐患已销号", str(hz.major_closed), hz.major_closure_rate.text("zh")],
        ["逾期未整改", str(len(hz.overdue)), ""],
        ["目标任务完成率", f"{head.tasks.numerator}/{head.tasks.denominator}", head.tasks.text("zh")],
    ], (record.id, ("campaign",)))
    towns = st.by_town(archive, campaign.id, as_of)
    b.table(["区镇", "问题隐患", "整改率", "重大隐患销号率", "目标任务完成率"], [
        [org_name(archive, town), str(figures.total), figures.rectification_rate.text("zh"),
         figures.major_closure_rate.text("zh"), rate.text("zh")] for town, (figures, rate) in towns.items()
    ], (record.id, ("campaign",)))
    statistics_charts(b, record, campaign)


AXIS_DIGITS = "0123456789."  # the charts' axis labels, checked against the chart font with their words


def statistics_charts(b: Builder, record: OverallReport | ComprehensiveReview, campaign: Campaign) -> None:
    """The site's campaign charts, from the same series (generators.charts), labelled in Chinese;
    the hazards are the standing ones the statistics tables above them count."""
    archive, src, font = b.archive, (record.id, ("campaign",)), chart_font()
    trend = charts.accident_trend(archive, campaign)
    months = [present.format_month(m, "zh") for m, _ in trend]
    b.figure(charts.line_chart("事故起数月度趋势", months, [float(n) for _, n in trend], "起", figure=False,
                               font=font), "事故起数月度趋势（起）", months + [AXIS_DIGITS], src)
    grades = charts.grade_distribution(archive, campaign.id)
    names = [archive.label("grades", k, "zh") for k, _ in grades]
    if any(n for _, n in grades):
        b.figure(charts.bars("评估等级分布", names, [n for _, n in grades], figure=False, font=font),
                 "各区镇评估等级分布（个）", names + [AXIS_DIGITS], src)
    closure = charts.hazard_closure(standing(archive, Hazard, campaign.id))
    months = [present.format_month(m, "zh") for m in closure.months]
    b.figure(charts.stacked_bars("隐患销号进度", months, [("已销号", closure.closed), ("未销号", closure.still_open)],
                                 figure=False, font=font),
             "问题隐患销号进度（个）", months + ["已销号", "未销号", AXIS_DIGITS], src)


def chart_font() -> str:
    """The charts' font-family list: the 黑体 role's fonts (theme/print/fonts.toml), in order;
    Typst draws SVG text with the first of them it was given."""
    return ", ".join(f"'{f['family']}'" for f in load_config()["hei"]["pdf"])


def _signed(text: str) -> str:
    """The rules' typographic minus (U+2212) as the hyphen-minus the 仿宋 faces have (FangSong_GB2312
    and FandolFang lack U+2212; a missing glyph would stop the build)."""
    return text.replace(st.MINUS, "-")


def _figure(value: Any) -> str:
    return present.format_number(value, "zh", 2 if value != int(value) else 0)


def methods_text(archive: Archive, methods: list[str]) -> str:
    return "、".join(label(archive, "evaluation-methods", m) for m in methods) + "。"


def _person_org(archive: Archive, person_id: str) -> str | None:
    person = archive.get(person_id)
    return person.organisation if isinstance(person, Person) else None


def grade_list(archive: Archive, campaign_id: str) -> list[list[str]]:
    """Every town's grade in a campaign, from the sub-reports (art. 10(3))."""
    rows = [(org_name(archive, r.town), label(archive, "grades", r.grade))
            for r in archive.of_type(SubReport) if r.campaign == campaign_id and r.withdrawn is None]
    return [list(row) for row in sorted(rows)]


def report_author(archive: Archive, record: Record) -> str:
    """The name of the body a document is by (:func:`generators.records.document.author_of`: one
    definition for the signature, the site and the release catalogue)."""
    return org_name(archive, author_of(archive, record))


def upward_head(b: Builder, issuer: str, signer: str, number: str | None, rid: str) -> None:
    """The head of an upward document (上行文, GB/T 9704 7.2.5, 7.2.6): the issuer's mark 80 mm
    from the top; on one line the 发文字号 one character in from the left and the 签发人 one
    character in from the right; the red rule."""
    b.doc.upward = True
    b.doc.mark_length = len(issuer)
    b.add(b.styled("mark", "GW Mark Upward", issuer, "title", (rid, ("town",))))
    b.use("body", "签发人：", rid, ("signed_by",))
    numbered = ast.para(b.use("body", number, rid, ("document_number",))) if number else ast.none_arg()
    b.add(ast.div("signer", [numbered, ast.para("签发人："), ast.para(b.use("kai", signer, rid, ("signed_by",)))]))
    b.add(ast.div("red-rule", [], "GW Red Rule"))


def report(archive: Archive, record: DocumentRecord, stem: str) -> Printable:
    author = report_author(archive, record)
    when = date_of(record)
    doc = Printable(stem, record.type, record.title.zh, author, when, (record.id,))
    b = Builder(archive, doc)
    if present.is_classified(archive, record):
        b.add(b.styled("secret", "GW Secret", present.classification(archive, record), "hei",
                       (record.id, ("classification",))))
    signer = getattr(record, "signed_by", None)
    if signer:
        upward_head(b, author, person_name(archive, signer), getattr(record, "document_number", None), record.id)
        b.title(record.title.zh, (record.id, ("title",)), style="title")
    else:
        b.title(record.title.zh, (record.id, ("title",)))
    report_body(b, record)
    closing = len(doc.blocks) - 1
    b.signature(author, when, (record.id, ()))
    keep_together(doc, closing)
    return doc


# ---------------------------------------------------------------------------------------------
# Hazards: the dossier (一患一档) as a form, and hazard lists as landscape tables


def hazard_rows(archive: Archive, h: Hazard) -> list[list[str]]:
    rows = [
        ["隐患编号", h.id],
        ["隐患名称", h.title.zh],
        ["专项整治", present.title(archive, h.campaign, "zh")],
        ["方案", present.title(archive, h.plan, "zh") if h.plan else ""],
        ["行业领域", present.title(archive, h.domain, "zh")],
        ["所在区镇", org_name(archive, h.town)],
        ["责任单位", h.entity.name.zh],
        ["统一社会信用代码", h.entity.credit_code],
        ["单位地址", h.entity.location.zh],
        ["联系人", person_name(archive, h.entity.contact) if h.entity.contact else ""],
        ["发现来源", label(archive, "hazard-sources", h.discovery.source)],
        ["发现日期", date(h.discovery.date)],
        ["检查人", h.discovery.inspector.zh],
        ["隐患描述", h.discovery.description.zh],
        ["隐患类别", label(archive, "hazard-categories", h.discovery.category)],
        ["隐患等级", label(archive, "hazard-grades", h.grade)],
    ]
    if h.major_clause:
        rows.append(["重大隐患判定依据", h.major_clause.zh])
    if h.treatment:
        f = h.treatment.five_in_place
        rows += [["治理方案", h.treatment.plan.zh], ["责任落实", f.responsibility.zh], ["措施落实", f.measures.zh],
                 ["资金落实", f.funds.zh], ["时限落实", date(f.deadline)], ["应急预案落实", f.emergency_plan.zh]]
    if h.supervision:
        s = h.supervision
        lifted = f"，{date(s.lifted_on)}摘牌" if s.lifted_on else ""
        rows += [["挂牌督办", f"{label(archive, 'supervision-levels', s.level)}（{org_name(archive, s.body)}，"
                              f"{date(s.listed_on)}挂牌{lifted}）"]]
    rows.append(["整改期限", date(h.deadline)])
    for e in h.extensions:
        rows.append(["延期", f"{date(e.old_deadline)}延至{date(e.new_deadline)}；{e.reason.zh}；"
                             f"{person_name(archive, e.approved_by)}{date(e.approved_on)}批准"])
    for p in h.progress:
        before = f"（整改前：{p.before.zh}）" if p.before else ""
        after = f"（整改后：{p.after.zh}）" if p.after else ""
        rows.append(["整改进展", f"{date(p.date)}：{p.note.zh}{before}{after}"])
    if h.acceptance:
        a = h.acceptance
        rows.append(["验收", f"{date(a.date)}，{a.by.zh}，{label(archive, 'acceptance-methods', a.method)}："
                             f"{a.opinion.zh}（{label(archive, 'acceptance-conclusions', a.conclusion)}）"])
    if h.closure:
        rows.append(["销号", f"{date(h.closure.date)}，{person_name(archive, h.closure.approved_by)}批准"])
    return rows


def dossier(archive: Archive, h: Hazard, stem: str) -> Printable:
    doc = Printable(stem, "hazard", f"问题隐患档案：{h.title.zh}", report_author(archive, h), date_of(h), (h.id,))
    b = Builder(archive, doc)
    if present.is_classified(archive, h):
        b.add(b.styled("secret", "GW Secret", present.classification(archive, h), "hei", (h.id, ("classification",))))
    b.title("问题隐患档案（一患一档）", (h.id, ()))
    rows = hazard_rows(archive, h)
    for cell in (c for r in rows for c in r):
        b.use("body", cell, h.id, ())
    b.add(ast.div("form", [ast.table(["项目", "内容"], rows, tables.layout(["项目", "内容"], rows))]))
    return doc


def hazard_list(archive: Archive, hazards: list[Hazard], stem: str, title: str, author: str,
                when: dt.date | None, town: str | None = None) -> Printable:
    """A ledger of hazards, landscape in 小四: dates as 2020-04-18 and no 区镇 column in a town's own
    list, so that the running text (the hazard, the unit, the domain) gets the width."""
    doc = Printable(stem, "hazard-list", title, author, when, tuple(h.id for h in hazards), landscape=True)
    b = Builder(archive, doc)
    b.title(title, (None, ()))
    columns: list[tuple[str, Any]] = [
        ("序号", lambda i, h: str(i + 1)),
        ("编号", lambda i, h: h.id),
        ("问题隐患", lambda i, h: h.title.zh),
        ("区镇", lambda i, h: org_name(archive, h.town)),
        ("责任单位", lambda i, h: h.entity.name.zh),
        ("行业领域", lambda i, h: present.title(archive, h.domain, "zh")),
        ("等级", lambda i, h: label(archive, "hazard-grades", h.grade)),
        ("发现日期", lambda i, h: _iso(h.discovery.date)),
        ("整改期限", lambda i, h: _iso(h.deadline)),
        ("状态", lambda i, h: archive.label("hazard-statuses", st.hazard_status(archive, h), "zh")),
    ]
    if town is not None:
        columns = [column for column in columns if column[0] != "区镇"]
    header = [name for name, _ in columns]
    rows = [[cell(i, h) for _, cell in columns] for i, h in enumerate(hazards)]
    for h in hazards:
        for cell in (c for row in hazard_rows(archive, h)[:8] for c in row):
            b.use("body", cell, h.id, ())
    for cell in header + [c for r in rows for c in r]:
        b.use("body", cell, None, ())
    b.add(ast.table(header, rows, tables.layout(header, rows, landscape=True, size_pt=LIST_PT)))
    return doc


LIST_PT = 12  # 小四: a hazard ledger's ten columns across a landscape page


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""
