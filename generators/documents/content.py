"""The printed form of each document kind, as a pandoc AST (see :mod:`generators.documents.ast`).

Every piece of text is recorded with its font role and its source (record ID and field path),
so the glyph check can name the characters and where they were written before anything renders.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from generators import present
from generators.documents import ast
from generators.records import Archive
from generators.records.model import Notice, Organisation, Person
from generators.refs.render import attachment_label, print_replacer, replace_refs

PathT = tuple[str | int, ...]
TITLE_CHARS_PER_LINE = 20  # 2号 (22 pt) characters in 156 mm
CLOSING = "，。、；：？！）》」』”’〕】"


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
        }


class Builder:
    """Collects blocks and the text each font role must cover."""

    def __init__(self, archive: Archive, printable: Printable, notice: Notice | None = None):
        self.archive = archive
        self.doc = printable
        self.replacer = print_replacer(archive, notice, markdown=False)

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
        """Body paragraphs; headings print as 章 (centred 黑体) in attachments, else （一） 楷体."""
        text = self.words(markdown)

        def heading(level: int, words: str) -> ast.Node:
            if chapters:
                return self.styled("chapter", "GW Chapter", words, "hei", src)
            if level <= 2:
                return self.styled("heading-2", "GW Heading 2", words, "kai", src)
            return self.styled("plain", "GW Body", words, "body", src)

        for block in ast.prose_blocks(text, heading):
            if block["t"] == "Para":
                self.use("body", ast.text_of(block), *src)
            self.add(block)

    def heading1(self, text: str, src: tuple[str | None, PathT] = (None, ())) -> None:
        self.add(self.styled("heading-1", "GW Heading 1", text, "hei", src))

    def para(self, text: str, src: tuple[str | None, PathT] = (None, ())) -> None:
        self.use("body", text, *src)
        self.add(ast.para(text))

    def table(self, header: list[str], rows: list[list[str]], widths: list[float] | None = None,
              src: tuple[str | None, PathT] = (None, ())) -> None:
        for cell in header + [c for r in rows for c in r]:
            self.use("body", cell, *src)
        self.add(ast.table(header, rows, widths))

    def title(self, text: str, src: tuple[str | None, PathT], style: str = "report-title",
              word_style: str = "GW Title") -> None:
        self.add(self.lines(style, word_style, title_lines(text), "title", src))

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
        self.add(ast.div("new-page", [], None), _word_page_break())


def _word_page_break() -> ast.Node:
    # Structure only (no record text): the one piece of OpenXML we write ourselves.
    return {"t": "RawBlock", "c": ["openxml", '<w:p><w:r><w:br w:type="page"/></w:r></w:p>']}


def title_lines(title: str, per_line: int = TITLE_CHARS_PER_LINE) -> list[str]:
    """A long title in balanced lines, the upper ones no shorter (an inverted trapezoid), never
    starting a line with closing punctuation."""
    if len(title) <= per_line:
        return [title]
    count = math.ceil(len(title) / per_line)
    lines: list[str] = []
    rest = title
    for remaining in range(count, 1, -1):
        cut = math.ceil(len(rest) / remaining)
        while cut < len(rest) and rest[cut] in CLOSING:
            cut += 1
        lines.append(rest[:cut])
        rest = rest[cut:]
    lines.append(rest)
    return [line for line in lines if line]


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


def notice(archive: Archive, record: Notice, stem: str, body_of: Any) -> Printable:
    issuer = org_name(archive, record.issuer)
    doc = Printable(stem, "notice", record.title.zh, issuer, record.date, (record.id,),
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
    b.add(b.styled("mark", "GW Mark", issuer, "title", (rid, ("issuer",))))
    b.add(b.styled("number", "GW Number", record.document_number, "body", (rid, ("document_number",))))
    b.add(ast.div("red-rule", [], "GW Red Rule"))
    b.title(record.title.zh, (rid, ("title",)), style="title")
    b.add(b.styled("addressees", "GW Addressees", b.words(record.addressees.zh) + "：", "body",
                   (rid, ("addressees",))))
    b.prose(record.body.zh or "", (rid, ("body",)))

    issued = issued_attachment(record)
    listed = [(i, a) for i, a in enumerate(record.attachments) if (a.id or a.title.zh) != issued]
    for position, (index, attachment) in enumerate(listed):
        number = f"{position + 1}." if len(listed) > 1 else ""
        lead = "附件：" if position == 0 else "\u3000" * 3
        b.add(b.styled("attachment-note", "GW Attachment Note", f"{lead}{number}{attachment.title.zh}",
                       "body", (rid, ("attachments", index, "title"))))
    b.signature(b.words(record.signature.zh) if record.signature else issuer, record.date, (rid, ("signature",)))
    if record.note:
        b.add(b.styled("annotation", "GW Body", f"（{b.words(record.note.zh)}）", "body", (rid, ("note",))))

    for index, attachment in enumerate(record.attachments):
        src = (rid, ("attachments", index))
        b.page_break()
        if (attachment.id or attachment.title.zh) != issued:
            name = attachment_label(record, attachment.id) if attachment.id else f"附件{index + 1}"
            b.add(b.styled("attachment-label", "GW Attachment Label", name, "hei", src))
            b.add(ast.para([]))
        b.title(attachment.title.zh, (rid, ("attachments", index, "title")), style="attachment-title")
        if attachment.body is not None:
            b.prose(attachment.body.zh or "", (rid, ("attachments", index, "body")), chapters=True)
        elif attachment.ref:
            body_of(b, attachment.ref)
            doc.record_ids += (attachment.ref,)

    if record.copy_to or record.printed_by:
        printer = org_name(archive, record.printed_by) if record.printed_by else issuer
        printed_on = record.printed_on or record.date
        copy_to = f"抄送：{b.words(record.copy_to.zh)}。" if record.copy_to else None
        b.use("body", (copy_to or "") + printer + date(printed_on) + "印发", rid, ("copy_to",))
        b.add(ast.div("end-block", [
            ast.div("plain", [ast.para(copy_to)], "GW End Copy") if copy_to else ast.none_arg(),
            ast.div("plain", [ast.para(printer)], "GW End Printer"),
            ast.div("plain", [ast.para(date(printed_on) + "印发")], "GW End Printer"),
        ]))
    return doc
