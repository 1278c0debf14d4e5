"""Safe HTML from untrusted text: every string from YAML or Markdown passes through here.

Records are written by many people; a ``<script>`` in a hazard description must be shown as
text. Short texts are escaped; prose is rendered as Markdown with raw HTML disabled (so tags
come out as text), remote images dropped (the intranet site requests nothing from other hosts)
and only harmless link schemes kept. Personal mobile and ID numbers are masked before the text
gets here, in the public view the site is built from (:func:`generators.present.public_view`).
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generators.present import safe_href, without_comments


def esc(value: object) -> str:
    """Text → HTML text (quotes escaped too, so the result is safe inside attributes)."""
    return html.escape(str(value), quote=True)


def nowrap(value: str) -> str:
    """Text kept on one line (document numbers such as 海安委办〔2022〕17号)."""
    return f'<span class="zz-nowrap">{esc(value)}</span>'


def tag(name: str, content: str = "", **attrs: object) -> str:
    """An element; ``content`` must already be HTML, attribute values are escaped here."""
    rendered = "".join(_attr(k, v) for k, v in attrs.items() if v is not None and v is not False)
    return f"<{name}{rendered}>{content}</{name}>"


def _attr(key: str, value: object) -> str:
    name = key.rstrip("_").replace("_", "-")
    return f" {name}" if value is True else f' {name}="{html.escape(str(value), quote=True)}"'


def table(headers: list[str], rows: list[list[str]], *, cls: str | None = None, attrs: dict | None = None) -> str:
    """A table from HTML cells (headers are HTML too)."""
    head = "".join(tag("th", h) for h in headers)
    body = "".join("<tr>" + "".join(tag("td", c) for c in row) + "</tr>" for row in rows)
    # No class by default: Material styles only class-less tables (``table:not([class])``).
    extra = "".join(_attr(k, v) for k, v in (attrs or {}).items())
    klass = f' class="{cls}"' if cls else ""
    return f'<table{klass}{extra}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def dl(items: list[tuple[str, str]]) -> str:
    """A definition list of (label HTML, value HTML), skipping empty values."""
    rows = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items if v)
    return f'<dl class="zz-fields">{rows}</dl>' if rows else ""


# ---------------------------------------------------------------------------------------------
# Prose


class _Harden(Treeprocessor):
    """Drop images (could fetch from other hosts), neutralise unsafe link schemes, demote headings."""

    def __init__(self, md: markdown.Markdown, shift: int) -> None:
        super().__init__(md)
        self.shift = shift

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    span = ET.Element("span")
                    span.text = f"[{child.get('alt') or ''}]"
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, span)
        for element in root.iter():
            if element.tag == "a" and not safe_href(element.get("href") or ""):
                element.attrib.pop("href", None)
            if re.fullmatch(r"h[1-6]", element.tag):
                element.tag = f"h{min(6, int(element.tag[1]) + self.shift)}"


class _Safe(Extension):
    def __init__(self, shift: int) -> None:
        super().__init__()
        self.shift = shift

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")  # raw HTML stays text
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Harden(md, self.shift), "zz-harden", 0)


def with_refs(value: str, replace: Callable[[str, Callable[[str], str]], str], render: Callable[[str], str]) -> str:
    """Render ``value`` with ``render`` while references become the links ``replace`` makes.

    ``replace(text, stash)`` substitutes each reference with ``stash(html)`` (a placeholder
    token); the tokens survive escaping and Markdown, then become the link HTML.
    """
    stashed: list[str] = []
    # The placeholder must not occur in the text itself: a record's text that contains it would
    # otherwise be replaced by another record's link (or name a link that does not exist).
    marker = "ZZREF"
    while marker in value:
        marker += "Q"
    token = re.compile(rf"{marker}(\d+)ZZ")

    def stash(fragment: str) -> str:
        stashed.append(fragment)
        return f"{marker}{len(stashed) - 1}ZZ"

    rendered = render(replace(value, stash))
    return token.sub(lambda m: stashed[int(m.group(1))] if int(m.group(1)) < len(stashed) else m.group(0),
                     rendered)


def prose_html(value: str, shift: int = 2) -> str:
    """Markdown → HTML with raw HTML shown as text; headings demoted below the page's own."""
    md = _markdown(shift)
    value = without_comments(value)  # authors' comments are not content (and would show as text)
    try:
        return md.convert(value)
    finally:
        md.reset()  # the next text starts clean (footnotes, references, stashed blocks)


@functools.cache
def _markdown(shift: int) -> markdown.Markdown:
    """One converter per heading shift, reused: setting up the extensions cost a millisecond a text."""
    return markdown.Markdown(extensions=[_Safe(shift), "tables", "sane_lists", "fenced_code"])


def text_html(value: str) -> str:
    """A short text → escaped HTML, line breaks kept."""
    return esc(value).replace("\n", "<br>")
