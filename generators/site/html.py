"""Safe HTML from untrusted text: every string from YAML or Markdown passes through here.

Records are written by many people; a ``<script>`` in a hazard description must be shown as
text. Short texts are escaped; prose is rendered as Markdown with raw HTML disabled (so tags
come out as text), remote images dropped (the intranet site requests nothing from other hosts)
and only harmless link schemes kept. Personal mobile and ID numbers inside any text are masked.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generators.present import mask_id_number, mask_mobile

_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_SAFE_SCHEMES = ("http:", "https:", "mailto:")


def mask_personal(value: str) -> str:
    """Mask mobile and ID numbers wherever they appear in free text."""
    value = _ID_NUMBER.sub(lambda m: mask_id_number(m.group(0)), value)
    return _MOBILE.sub(lambda m: mask_mobile(m.group(0)), value)


def esc(value: object) -> str:
    """Text → HTML text (quotes escaped too, so the result is safe inside attributes)."""
    return html.escape(mask_personal(str(value)), quote=True)


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
            if element.tag == "a":
                href = (element.get("href") or "").strip()
                scheme = href.split(":", 1)[0].lower() + ":" if ":" in href.split("/", 1)[0] else ""
                if scheme and scheme not in _SAFE_SCHEMES:
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


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TOKEN = re.compile(r"ZZREF(\d+)ZZ")


def with_refs(value: str, replace: Callable[[str, Callable[[str], str]], str], render: Callable[[str], str]) -> str:
    """Render ``value`` with ``render`` while references become the links ``replace`` makes.

    ``replace(text, stash)`` substitutes each reference with ``stash(html)`` (a placeholder
    token); the tokens survive escaping and Markdown, then become the link HTML.
    """
    stashed: list[str] = []

    def stash(fragment: str) -> str:
        stashed.append(fragment)
        return f"ZZREF{len(stashed) - 1}ZZ"

    rendered = render(replace(value, stash))
    return _TOKEN.sub(lambda m: stashed[int(m.group(1))], rendered)


def prose_html(value: str, shift: int = 2) -> str:
    """Markdown → HTML with raw HTML shown as text; headings demoted below the page's own."""
    md = markdown.Markdown(extensions=[_Safe(shift), "tables", "sane_lists"])
    value = _COMMENT.sub("", value)  # authors' comments are not content (and would show as text)
    return md.convert(mask_personal(value))


def text_html(value: str) -> str:
    """A short text → escaped HTML, line breaks kept."""
    return esc(value).replace("\n", "<br>")
