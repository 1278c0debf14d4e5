"""Reading the built site: which HTML pages a language has, and what each says.

The site contract: a record page carries, right after its H1 inside ``<article>``, a hidden
``<div class="zz-record" data-id=… data-type=… data-type-label=… data-campaign=…
data-town=… data-domain=… data-year=… data-hazard-grade=… data-grade=… data-status=…
data-withdrawn=… data-superseded=… data-doc-number=…>``; a facet from a vocabulary also carries
its place in it (``data-grade-order=…``), the order the search page lists the values in. A record
with a document number of its own (a notice) names it in ``data-doc-number``: the search finds
the record from any spelling of it (never from text that merely looks like a number).
Classified records have no page; a page that nevertheless carries a ``data-classified``
marker is refused (defence in depth: an indexing mistake would publish secret text). A page
listing records that have pages of their own (the hazard index and its facet listings) carries a
hidden ``<div class="zz-listing">`` and is left out: it would match whatever its rows say and
push the records themselves down. A page that is no content to find (the search page, the error
page) carries a hidden ``<div class="zz-unindexed">`` and is left out too. Any other HTML file
without an ``<article>`` is not a page of the site (a tool's own files beside it).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

# Facets, in the order the search page shows them; (attribute, facet name).
FACETS: tuple[tuple[str, str], ...] = (
    ("data-campaign", "campaign"),
    ("data-type-label", "type"),
    ("data-town", "town"),
    ("data-domain", "domain"),
    ("data-year", "year"),
    ("data-hazard-grade", "hazard-grade"),
    ("data-grade", "grade"),
    ("data-status", "status"),
)

# The site's languages: the first at the site's root, each other one under /<lang>/.
LANGUAGES = ("zh", "en")
_BLOCK = {
    "p", "div", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "dl", "dt", "dd", "br", "blockquote", "pre", "figure", "figcaption", "caption",
}
_DROP = {"script", "style", "noscript", "template", "svg", "button"}
_WS = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_NL = re.compile(r"\s*\n\s*")


@dataclass
class Page:
    url: str  # relative to the language root, e.g. "campaigns/x/hazards/hz-1/"
    title: str
    text: str
    record_id: str = ""
    doc_numbers: list[str] = field(default_factory=list)
    facets: dict[str, str] = field(default_factory=dict)
    type_key: str = ""
    orders: dict[str, int] = field(default_factory=dict)  # facet → the value's place in its vocabulary
    withdrawn: bool = False
    superseded: bool = False
    classified: bool = False
    listing: bool = False  # a listing of records, or a page that is no content (the search page)
    body_start: int = 0  # where the text after the title and the record's field list begins


# Pages about the archive rather than of it (citation review, translation coverage): found, but
# after the records (index.py numbers documents in rank order).
SECONDARY = ("review/", "coverage/")
# Pages that stand for a thing people name: a town, a campaign, an industry domain.
ENTITY_TYPES = ("organisation", "campaign", "domain")


def rank_class(page: Page) -> int:
    """0 a named thing's own page, 1 a record, 2 another page, 3 a page about the archive."""
    if page.url.startswith(SECONDARY):
        return 3
    if page.type_key in ENTITY_TYPES:
        return 0
    return 1 if page.record_id else 2


def language_root(site_dir: Path, lang: str) -> Path:
    return site_dir if lang == LANGUAGES[0] else site_dir / lang


def html_files(site_dir: Path, lang: str) -> list[Path]:
    """The language's HTML files, sorted; the other language's tree and assets excluded."""
    return files_under(language_root(site_dir, lang))


def files_under(root: Path) -> list[Path]:
    """The HTML files of the language whose root folder is ``root`` (the other languages' trees
    under the first language's root left out), sorted as paths."""
    return [root / name for name in html_names(root)]


def html_names(root: Path) -> list[str]:
    """files_under's files by name relative to ``root`` ("a/b/index.html"), in the same order
    (by path parts: "a/b" before "a-b"); os.scandir, many times faster than Path.rglob."""
    found: list[tuple[str, ...]] = []

    def walk(folder: str, parts: tuple[str, ...]) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    if parts or entry.name not in LANGUAGES:
                        walk(entry.path, (*parts, entry.name))
                elif entry.name.endswith(".html"):
                    found.append((*parts, entry.name))

    walk(str(root), ())
    return ["/".join(parts) for parts in sorted(found)]


def page_url(root: Path, path: Path) -> str:
    rel = path.relative_to(root).as_posix()
    if rel == "index.html":
        return ""
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


def _text_of(element) -> str:
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        classes = (node.get("class") or "").split() if tag else []
        skip = (
            tag in _DROP
            or "headerlink" in classes
            or node.get("hidden") is not None
            or node.get("data-search-exclude") is not None
        )
        if not skip:
            if tag in _BLOCK:
                parts.append("\n")
            if node.text and tag:
                parts.append(node.text)
            for child in node:
                walk(child)
            if tag in _BLOCK:
                parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(element)
    text = _WS.sub(" ", "".join(parts))
    return _NL.sub("\n", text).strip()


_MARKS = ("zz-record", "zz-fields", "zz-listing", "zz-unindexed")
_XML_SPACE = re.compile("[ \t\r\n]+")  # what XPath's normalize-space takes for space


def _marks(element) -> dict:
    """The first element under ``element`` of each class of _MARKS (one walk, not one per class)."""
    found: dict = {}
    for node in element.xpath(".//*[contains(@class, 'zz-')]"):
        for name in _XML_SPACE.split(node.get("class")):
            if name in _MARKS and name not in found:
                found[name] = node
    return found


def read_page(root: Path, path: Path) -> Page | None:
    """The page's searchable content, or None when it has no ``<article>``."""
    tree = lxml.html.fromstring(path.read_bytes())
    articles = tree.xpath("//article")
    if not articles:
        return None
    article = articles[0]
    h1 = article.xpath(".//h1")
    title = _text_of(h1[0]) if h1 else (tree.findtext(".//title") or "").strip()
    marks = _marks(article)
    marker = marks.get("zz-record")
    page = Page(url=page_url(root, path), title=title, text=_text_of(article))
    fields = marks.get("zz-fields")
    if fields is not None:  # the metadata header: snippets prefer the text after it
        head = _text_of(fields)
        at = page.text.find(head) if head else -1
        page.body_start = at + len(head) if at >= 0 else 0
    page.classified = bool(tree.xpath("//*[@data-classified]"))
    page.listing = "zz-listing" in marks or "zz-unindexed" in marks
    if marker is not None:
        attrs = marker.attrib
        page.record_id = attrs.get("data-id", "")
        page.type_key = attrs.get("data-type", "")
        page.withdrawn = attrs.get("data-withdrawn", "false").lower() == "true"
        page.superseded = attrs.get("data-superseded", "false").lower() == "true"
        page.facets = {name: attrs[attr] for attr, name in FACETS if attrs.get(attr)}
        page.orders = {name: int(attrs[attr + "-order"]) for attr, name in FACETS
                       if attrs.get(attr) and attrs.get(attr + "-order", "").isdigit()}
        if "type" not in page.facets and page.type_key:
            page.facets["type"] = page.type_key
        if attrs.get("data-doc-number"):
            page.doc_numbers.append(attrs["data-doc-number"])
    return page
