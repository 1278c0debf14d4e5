"""A small builder for pandoc's JSON AST: record text only ever becomes ``Str`` nodes.

Pandoc escapes ``Str`` for every writer, so no record text can turn into Typst, OpenXML or
LaTeX code. Structure (the red rule, a page break, a signature block) is a ``Div`` whose class
names a function of our Typst template (``gw-…``) and whose ``custom-style`` names a Word
style of our reference document; the Lua filters in ``theme/print/`` map them.

Prose is read by pandoc's Markdown reader with raw HTML and TeX off and rebuilt from these
nodes (:mod:`generators.documents.prose`).
"""

from __future__ import annotations

import re
from typing import Any

Node = dict[str, Any]
API_VERSION = [1, 23, 1, 1]
IDEOGRAPHIC_SPACE = "\u3000"


def inlines(text: str, *, cjk: bool | None = None, strip: bool = True) -> list[Node]:
    """Plain text as Str/Space nodes. Two or more spaces (第一条  为…) print as one full-width
    space, the width of one grid cell; newlines inside a paragraph join without a space in Chinese
    text (``cjk``: decided on the text when not given). ``strip=False`` keeps the blanks at the
    ends (a part of a paragraph, next to emphasis or a link) as Space."""
    cjk = is_cjk_text(text) if cjk is None else cjk
    text = text.strip() if strip else text
    text = re.sub(r"\s*\n\s*", "" if cjk else " ", text)
    text = re.sub(r" {2,}|\t", IDEOGRAPHIC_SPACE, text)
    nodes: list[Node] = []
    for index, word in enumerate(text.split(" ")):
        if index:
            nodes.append({"t": "Space"})
        if word:
            nodes.append({"t": "Str", "c": word})
    return nodes


def is_cjk_text(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def para(content: str | list[Node]) -> Node:
    return {"t": "Para", "c": inlines(content) if isinstance(content, str) else content}


def plain(content: str | list[Node]) -> Node:
    return {"t": "Plain", "c": inlines(content) if isinstance(content, str) else content}


def div(style: str, blocks: list[Node], word_style: str | None = None) -> Node:
    """A block the templates know: class ``gw-<style>`` (Typst), ``custom-style`` (Word)."""
    attributes = [["custom-style", word_style]] if word_style else []
    return {"t": "Div", "c": [["", [f"gw-{style}"], attributes], blocks]}


def none_arg() -> Node:
    """An absent argument of a template function (Typst ``none``; nothing in Word)."""
    return {"t": "Div", "c": [["", ["gw-none"], []], []]}


def span(cls: str, content: list[Node]) -> Node:
    return {"t": "Span", "c": [["", [cls], []], content]}


def table(header: list[str], rows: list[list[str]], layout: Any) -> Node:
    """A simple table laid out by ``layout`` (a :class:`generators.documents.tables.Layout`):
    Word reads the widths as fractions of the text width, Typst the ``gw-columns`` attribute
    (the same shares as ``fr``); a row longer than a page is
    marked ``gw-breakable``, the others stay on one page."""
    colspecs = [[{"t": "AlignCenter" if fixed else "AlignLeft"}, {"t": "ColWidth", "c": w}]
                for w, fixed in zip(layout.word, layout.fixed, strict=True)]
    table_attr = ["", [], [["gw-columns", ",".join(layout.typst)], ["gw-size", f"{layout.size_pt}pt"]]]

    def cell(value: str) -> list:
        return [["", [], []], {"t": "AlignDefault"}, 1, 1, [plain(value)]]

    def row(values: list[str], breakable: bool = False) -> list:
        return [["", ["gw-breakable"] if breakable else [], []], [cell(v) for v in values]]

    return {"t": "Table", "c": [
        table_attr,
        [None, []],
        colspecs,
        [["", [], []], [row(header)]],
        [[["", [], []], 0, [], [row(r, i in layout.breakable_rows) for i, r in enumerate(rows)]]],
        [["", [], []], []],
    ]}


def document(blocks: list[Node]) -> dict[str, Any]:
    return {"pandoc-api-version": API_VERSION, "meta": {}, "blocks": blocks}


def text_of(node: Any) -> str:
    """Every Str of a node, concatenated (for the glyph check and the tests)."""
    if isinstance(node, dict):
        if node.get("t") == "Str":
            return node["c"]
        if node.get("t") == "Space":
            return " "
        return text_of(node.get("c"))
    if isinstance(node, list):
        return "".join(text_of(item) for item in node)
    return ""
