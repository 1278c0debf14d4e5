"""Prose as printed: Markdown read by pandoc's own reader, rebuilt from a short list of node kinds.

The reader runs with raw HTML, raw TeX and raw attributes off (``<script>``, ``\\newpage`` and a
```` ```{=typst} ```` block read as text), and with the extensions the site's Markdown does not
have off too, so a text prints with the structure it shows on the site: paragraphs, headings,
lists, tables, emphasis and links. The AST pandoc returns is then rebuilt node by node: text
becomes ``Str`` nodes (:func:`generators.documents.ast.inlines`), the few structures above are
kept, and anything else prints as its text. A link keeps its target only when it is an
``http(s):``/``mailto:`` address the site would also let a reader follow; else its words print.

Texts are read in one pandoc run per archive (:func:`reader_for`), not one per paragraph.
``[[references]]`` are replaced by tokens before reading, so the reading does not depend on the
document a text is printed in, and the words a reference prints as are put in after, as text.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pypandoc

from generators import present
from generators.documents import ast
from generators.records import Archive
from generators.records.types import Prose
from generators.records.walk import texts
from generators.refs.syntax import RefMatch, find_refs

Node = ast.Node
# Off: raw input of any kind, and the syntax the site's Markdown (tables, sane lists, fenced
# code) does not read, which would otherwise print differently from the page.
OFF = ("raw_html", "raw_tex", "raw_attribute", "native_divs", "native_spans", "fenced_divs",
       "bracketed_spans", "markdown_in_html_blocks", "tex_math_dollars", "latex_macros", "smart",
       "citations", "footnotes", "inline_notes", "yaml_metadata_block", "pandoc_title_block",
       "subscript", "superscript", "strikeout", "line_blocks", "definition_lists", "example_lists",
       "implicit_figures", "auto_identifiers", "header_attributes", "link_attributes",
       "inline_code_attributes", "implicit_header_references", "task_lists", "grid_tables",
       "multiline_tables", "simple_tables", "table_captions", "table_attributes")
READER = "markdown" + "".join(f"-{name}" for name in OFF)

# Pandoc reads two spaces as one; in a 公文 they are a full-width space (第一条  为…, see
# ast.inlines). Runs of blanks holding two spaces or a tab are therefore passed through pandoc as
# private-use characters, one per blank, and turned back after.
_SPACE, _TAB = "\ue000", "\ue001"
_BLANKS = str.maketrans({" ": _SPACE, "\t": _TAB})
_UNBLANK = str.maketrans({_SPACE: " ", _TAB: "\t"})
_MARKERS = re.compile(r"^[ \t]*(?:(?:[-*+]|\d+[.)]|[a-zA-Z][.)]|#{1,6}|>)[ \t]+)*")
_GAP = re.compile(r"(?<=\S)[ \t]*(?:  |\t)[ \t]*(?=\S)")
# A text defining a reference link ([name]: url) is read alone: in a batch the definition would
# reach the other texts.
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.M)
_ABSOLUTE = re.compile(r"(?i)(https?|mailto):")


@dataclass(frozen=True)
class Source:
    """A text ready for the reader: references as tokens ``<marker><n>ZZ``."""

    markdown: str
    refs: tuple[RefMatch, ...]
    marker: str


def prepare(text: str) -> Source:
    text = present.without_comments(text.replace("\r\n", "\n"))
    marker = "ZZREF"
    while marker in text:
        marker += "Q"
    refs = tuple(find_refs(text))
    parts, position = [], 0
    for index, match in enumerate(refs):
        parts += [text[position:match.start], f"{marker}{index}ZZ"]
        position = match.end
    parts.append(text[position:])
    lines = "".join(parts).split("\n")
    return Source("\n".join(_keep_blanks(line) for line in lines), refs, marker)


def _keep_blanks(line: str) -> str:
    lead = _MARKERS.match(line).end()
    return line[:lead] + _GAP.sub(lambda m: m.group(0).translate(_BLANKS), line[lead:])


# ---------------------------------------------------------------------------------------------
# Reading


@lru_cache(maxsize=1)
def _pandoc() -> str:
    return pypandoc.get_pandoc_path()


def _read(markdown: str) -> list[Node]:
    result = subprocess.run([_pandoc(), "-f", READER, "-t", "json"], input=markdown.encode(),
                            capture_output=True, check=False, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"pandoc -f markdown: {result.stderr.decode(errors='replace').strip()}")
    return json.loads(result.stdout)["blocks"]


def read_all(sources: list[str]) -> list[list[Node]]:
    """The blocks of each text, read in one pandoc run: the texts joined by a separator paragraph
    that none of them contains. Texts the separator cannot part reliably are read alone."""
    alone = {i for i, text in enumerate(sources) if _DEFINITION.search(text)}
    batch = [i for i in range(len(sources)) if i not in alone]
    out: dict[int, list[Node]] = {i: _read(sources[i]) for i in alone}
    if batch:
        separator = "ZZPROSE"
        while any(separator in sources[i] for i in batch):
            separator += "Q"
        blocks = _read(f"\n\n{separator}\n\n".join(sources[i] for i in batch))
        parts: list[list[Node]] = [[]]
        for block in blocks:
            if block == {"t": "Para", "c": [{"t": "Str", "c": separator}]}:
                parts.append([])
            else:
                parts[-1].append(block)
        if len(parts) != len(batch):  # a text swallowed a separator: read each alone
            parts = [_read(sources[i]) for i in batch]
        out.update(zip(batch, parts, strict=True))
    return [out[i] for i in range(len(sources))]


class Reader:
    """The pandoc blocks of prose texts, read in one run and then looked up by text; texts an
    earlier reader holds (the archive's, for its public view) are not read again."""

    def __init__(self, texts: Iterable[str], known: Reader | None = None):
        held = known._read if known is not None else {}
        wanted = set(texts)
        self._read = {text: held[text] for text in wanted if text in held}
        unique = sorted(wanted - set(self._read))
        if unique:
            sources = [prepare(text) for text in unique]
            blocks = read_all([source.markdown for source in sources])
            self._read.update(zip(unique, zip(sources, blocks, strict=True), strict=True))

    def read(self, text: str) -> tuple[Source, list[Node]]:
        if text not in self._read:  # a text not in the archive (a test's): read now
            source = prepare(text)
            self._read[text] = (source, read_all([source.markdown])[0])
        return self._read[text]


_READERS: dict[int, tuple[Archive, Reader]] = {}


def reader_for(archive: Archive) -> Reader:
    """One reader per archive, holding every Chinese prose text of it (the archive and its
    public view are the two a build prints from; the view's texts but the masked ones are the
    archive's, read once)."""
    held = _READERS.get(id(archive))
    if held is None or held[0] is not archive:
        every = (value.zh for record in archive for _, value in texts(record)
                 if isinstance(value, Prose) and value.zh)
        latest = next(reversed(_READERS.values()))[1] if _READERS else None
        held = (archive, Reader(every, latest))
        if len(_READERS) >= 4:
            _READERS.pop(next(iter(_READERS)))
        _READERS[id(archive)] = held
    return held[1]


# ---------------------------------------------------------------------------------------------
# Rebuilding


Heading = Callable[[int, str], Node]
Table = Callable[[list[str], list[list[str]]], Node]


@dataclass(frozen=True)
class Printer:
    """How a text's blocks print: ``heading(level, words)``, ``table(header, rows)``, and the
    words each reference prints as."""

    source: Source
    words: Callable[[RefMatch], str]
    heading: Heading
    table: Table

    def blocks(self, blocks: list[Node]) -> list[Node]:
        out: list[Node] = []
        for block in blocks:
            out.extend(self.block(block))
        return out

    def block(self, node: Node) -> list[Node]:
        kind, c = node["t"], node.get("c")
        if kind in ("Para", "Plain"):
            content = self.inlines(c)
            return [ast.para(content)] if content else []
        if kind == "Header":
            return [self.heading(c[0], self.text(c[2]).strip())]
        if kind == "BulletList":
            return [block for item in c for block in self.blocks(item)]
        if kind == "OrderedList":
            (start, style, delim), items = c
            return [block for number, item in enumerate(items, start)
                    for block in self.blocks(_numbered(item, _marker(number, style["t"], delim["t"])))]
        if kind == "BlockQuote":
            return self.blocks(c)
        if kind == "Table":
            return [self.table(*_table_text(self, c))]
        if kind == "HorizontalRule":
            return []
        if kind == "CodeBlock":
            return [ast.para(_code_lines(self.unblank(c[1])))]
        # Any kind the reader was told not to make (a raw block, a div): its text, as text.
        words = self.inlines([{"t": "Str", "c": _any_text(c)}])
        return [ast.para(words)] if words else []

    def inlines(self, nodes: list[Node]) -> list[Node]:
        """Inline nodes as printed; the blanks at the ends of the block go."""
        return self._inlines(nodes, ast.is_cjk_text(self.text(nodes)), ends=(True, True))

    def _inlines(self, nodes: list[Node], cjk: bool, ends: tuple[bool, bool] = (False, False)) -> list[Node]:
        """Text between the kept nodes (emphasis, links, line breaks) becomes Str/Space nodes as
        :func:`ast.inlines` makes them, the references' words put in."""
        parts: list[str | Node] = []
        for node in nodes:
            if node["t"] in _KEPT:
                parts.append(node)
            elif parts and isinstance(parts[-1], str):
                parts[-1] += self._raw(node)
            else:
                parts.append(self._raw(node))
        out: list[Node] = []
        for index, part in enumerate(parts):
            if isinstance(part, str):
                text = self.unblank(part)
                if ends[0] and index == 0:
                    text = text.lstrip()
                if ends[1] and index == len(parts) - 1:
                    text = text.rstrip()
                out.extend(ast.inlines(text, cjk=cjk, strip=False))
            else:
                out.extend(self._kept(part, cjk))
        return out

    def _kept(self, node: Node, cjk: bool) -> list[Node]:
        kind, c = node["t"], node.get("c")
        if kind == "LineBreak":
            return [{"t": "LineBreak"}]
        if kind == "Link":
            words = self._inlines(c[1], cjk)
            url = c[2][0]
            return [{"t": "Link", "c": [["", [], []], words, [url, ""]]}] if _printable_link(url) else words
        return [{"t": kind, "c": self._inlines(c, cjk)}]  # Emph, Strong

    def _raw(self, node: Node) -> str:
        """The text of a node as read, references still tokens (every node but the kept ones)."""
        kind, c = node["t"], node.get("c")
        if kind == "Str":
            return c
        if kind == "Space":
            return " "
        if kind == "SoftBreak":
            return "\n"
        if kind == "Image":  # as on the site: the alternative text in brackets, nothing fetched
            return f"[{''.join(self._raw(n) for n in c[1])}]"
        if kind == "LineBreak":
            return "\n"
        if kind in ("Emph", "Strong"):
            return "".join(self._raw(n) for n in c)
        if kind == "Link":
            return "".join(self._raw(n) for n in c[1])
        return _any_text(c)  # Code, and any kind the reader was told not to make: its text

    def text(self, nodes: list[Node]) -> str:
        """The words of inline nodes, references put in."""
        return self.unblank("".join(self._raw(node) for node in nodes))

    def unblank(self, text: str) -> str:
        """Blanks back as written, and the references' words in place of their tokens."""
        text = text.translate(_UNBLANK)
        refs = self.source.refs
        if not refs:
            return text
        token = re.compile(rf"{self.source.marker}(\d+)ZZ")
        return token.sub(lambda m: self.words(refs[int(m.group(1))]) if int(m.group(1)) < len(refs) else m.group(0),
                         text)


def _any_text(c: Any) -> str:
    """The text inside any node's content: a string as it stands, nodes by their words."""
    if isinstance(c, str):
        return c
    if isinstance(c, dict):
        if c.get("t") == "Space":
            return " "
        if c.get("t") in ("SoftBreak", "LineBreak"):
            return "\n"
        return _any_text(c.get("c"))
    if isinstance(c, list):
        strings = [item for item in c if isinstance(item, str)]
        if strings and len(c) == 2:  # [format or attributes, text]: RawInline, Math, Code
            return strings[-1]
        return "".join(_any_text(item) for item in c if isinstance(item, dict | list))
    return ""


_KEPT = ("LineBreak", "Link", "Emph", "Strong")


def _printable_link(url: str) -> bool:
    """A link target a printed page can keep: an address on the web or a mail address the site
    would also follow. Relative links lead nowhere from a PDF; their words print alone."""
    return present.safe_href(url) and bool(_ABSOLUTE.match(url))


def _marker(number: int, style: str, delim: str) -> str:
    """The number of a list item as its author wrote it: numbering in a 公文 is literal text."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    value = {"LowerAlpha": letters[(number - 1) % 26], "UpperAlpha": letters[(number - 1) % 26].upper(),
             "LowerRoman": _roman(number).lower(), "UpperRoman": _roman(number)}.get(style, str(number))
    return {"OneParen": f"{value})", "TwoParens": f"({value})"}.get(delim, f"{value}.")


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def _numbered(item: list[Node], marker: str) -> list[Node]:
    """An item's blocks with its number before the first paragraph's words."""
    if item and item[0]["t"] in ("Para", "Plain"):
        first = {"t": "Para", "c": [{"t": "Str", "c": marker}, {"t": "Space"}, *item[0]["c"]]}
        return [first, *item[1:]]
    return [{"t": "Para", "c": [{"t": "Str", "c": marker}]}, *item]


def _table_text(printer: Printer, c: list[Any]) -> tuple[list[str], list[list[str]]]:
    """A prose table's header and rows as the text of each cell (laid out like every table)."""
    def cells(row: list[Any]) -> list[str]:
        return [printer.text([i for b in cell[4] for i in (b.get("c") or [])
                              if isinstance(i, dict)]).strip() for cell in row[1]]

    head = [cells(row) for row in c[3][1]]
    body = [cells(row) for part in c[4] for row in part[2] + part[3]]
    width = max([len(r) for r in head + body] or [0])
    header = head[0] if head else [""] * width
    return header, [row + [""] * (width - len(row)) for row in body]


def _code_lines(text: str) -> list[Node]:
    """A code block's lines as written, one a line."""
    out: list[Node] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            out.append({"t": "LineBreak"})
        out.extend(ast.inlines(line, cjk=False, strip=False))
    return out
