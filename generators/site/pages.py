"""Page objects and the parts every record page shares.

A :class:`Page` is a site path, a title and a body (Markdown with HTML blocks). The same
paths exist in both languages, so the language switch keeps the page. Builders in
:mod:`generators.site.views` make pages; :mod:`generators.site.writer` writes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generators import present
from generators.records import versions
from generators.records.model import DocumentRecord, Record
from generators.site import html as h
from generators.site.context import Ctx, is_town, record_url
from generators.site.i18n import t

PAGE_SIZE = 100  # rows per listing page: a page never grows with the archive
BACKLINKS_PER_TYPE = 20


@dataclass(frozen=True)
class Page:
    url: str  # site path: '' (home), 'hazards/', 'hazards/HZ-1/'
    title: str  # plain text
    body: str  # Markdown with HTML blocks; every untrusted string already escaped
    record_id: str | None = None

    @property
    def source(self) -> str:
        """Path of the generated Markdown file under docs/ (index.md per folder)."""
        return f"{self.url}index.md"


@dataclass(frozen=True)
class Later:
    """A page made only when a rebuild needs it: ``make(*args)`` gives it. ``args`` are everything
    it is made from besides the records it reads (a rebuild remakes it when they differ); the page
    builder gets nothing else (no closures)."""

    url: str
    make: Callable[..., Page]
    args: tuple

    @property
    def source(self) -> str:
        return f"{self.url}index.md"


def later(make: Callable[..., Page], ctx: Ctx, *args: object) -> Later:
    """``make(ctx, *args)``, made when needed (``ctx`` at the page's own path)."""
    return Later(ctx.url, make, (ctx, *args))


def block(html_text: str) -> str:
    """An HTML block for Markdown: starts on its own line and holds no blank line."""
    return "\n\n" + re.sub(r"\n\s*\n", "\n", html_text.strip()) + "\n\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+\-.!|<>])")


def heading(ctx: Ctx, words: str, anchor: str, level: int = 2) -> str:
    """A Markdown heading (so it reaches the table of contents) with a stable anchor."""
    text = _MD_SPECIAL.sub(r"\\\1", h.esc(words))
    return f"\n\n{'#' * level} {text} {{ #{anchor} }}\n\n"


def h1(ctx: Ctx, title: str) -> str:
    return block(f"<h1>{h.esc(title)}</h1>")


def section(ctx: Ctx, key: str, content: str, anchor: str | None = None) -> str:
    """A titled part of a page, or nothing when there is nothing to show."""
    if not content.strip():
        return ""
    return heading(ctx, t(key, ctx.lang), anchor or key.replace("_", "-")) + block(content)


MARKER_FACETS = ("town", "domain", "year", "grade", "hazard-grade", "status")


def record_marker(ctx: Ctx, record: Record, **facets: str | tuple[str, int] | None) -> str:
    """The hidden element search reads (read by generators/search/pages.py). A facet given as
    (label, place) also carries its place in the vocabulary (``data-<facet>-order``)."""
    attrs = {"data-id": record.id, "data-type": record.type,
             "data-type-label": t("type.town" if is_town(record, ctx.archive) else f"type.{record.type}", ctx.lang)}
    campaign = getattr(record, "campaign", None)
    if campaign and ctx.archive.get(campaign):
        attrs["data-campaign"] = ctx.title(campaign)
    for key in MARKER_FACETS:
        value = facets.get(key.replace("-", "_"))
        if isinstance(value, tuple):
            attrs[f"data-{key}"], attrs[f"data-{key}-order"] = value[0], str(value[1])
        elif value:
            attrs[f"data-{key}"] = value
    number = getattr(record, "document_number", None)
    if number:  # the record's own document number, found from any spelling of it
        attrs["data-doc-number"] = number
    attrs["data-withdrawn"] = "true" if versions.is_withdrawn(record) else "false"
    # A superseded record is still found; its result carries the mark links to it carry.
    attrs["data-superseded"] = "false" if versions.is_current(ctx.archive, record.id) else "true"
    rendered = "".join(f' {k}="{h.esc(v)}"' for k, v in attrs.items())
    return block(f'<div class="zz-record" hidden{rendered}></div>')


def listing_marker() -> str:
    """Marks a page listing records that have pages of their own: search leaves it out (see the
    generators/search/pages.py), so that the records themselves come first."""
    return block('<div class="zz-listing" hidden></div>')


def unindexed_marker() -> str:
    """Marks a page that is no content to find (the search page): search leaves it out."""
    return block('<div class="zz-unindexed" hidden></div>')


def record_page(ctx: Ctx, record: Record, title: str, body: str, *, facets: dict | None = None,
                meta: list[tuple[str, str]] | None = None) -> Page:
    """The frame of every record page: title, search marker, banners, fields, body, links."""
    parts = [h1(ctx, title), record_marker(ctx, record, **(facets or {}))]
    parts.append(block(banners(ctx, record)))
    parts.append(block(h.dl((meta or []) + document_meta(ctx, record))))
    parts.append(body)
    parts.append(printed_versions(ctx, record))
    parts.append(references(ctx, record))
    parts.append(history(ctx, record))
    return Page(ctx.url, title, "".join(p for p in parts if p.strip()), record.id)


def document_meta(ctx: Ctx, record: Record) -> list[tuple[str, str]]:
    if not isinstance(record, DocumentRecord):
        return [(ctx.t("id"), h.nowrap(record.id))]
    return [
        (ctx.t("id"), h.nowrap(record.id)),
        (ctx.t("record_type"), ctx.type_label(record.id)),
        (ctx.t("classification"), ctx.label("classifications", present.classification(ctx.archive, record))),
        (ctx.t("version"), h.esc(record.version)),
    ]


# ---------------------------------------------------------------------------------------------
# Versions: superseded and withdrawn banners, the history of changes


def banners(ctx: Ctx, record: Record) -> str:
    out = []
    newer = versions.successor(ctx.archive, record.id)
    if newer:
        out.append(f'<div class="admonition warning zz-banner"><p>{ctx.t("superseded_banner")}'
                   f'{ctx.link(newer)}</p></div>')
    if isinstance(record, DocumentRecord) and record.withdrawn:
        words = ctx.t("withdrawn_banner", date=present.format_date(record.withdrawn.date, ctx.lang))
        out.append(f'<div class="admonition danger zz-banner"><p>{words}{ctx.text(record.withdrawn.reason)}</p></div>')
    return "".join(out)


COMMITS_SHOWN = 20


def history(ctx: Ctx, record: Record) -> str:
    """Versions (records that revise one another) and the git commits that changed the record's files."""
    parts = []
    earlier = versions.earlier_versions(ctx.archive, record.id)
    if isinstance(record, DocumentRecord) and (earlier or record.change_note):
        # The history of changes, newest first: each version with its date, note and printed files.
        rows = [[h.esc(record.version), ctx.date(versions.version_date(record)), f'{ctx.t("this_version")}',
                 ctx.text(record.change_note), _own_files(ctx, record.id)]]
        for old in earlier:
            note = ctx.text(old.change_note) if isinstance(old, DocumentRecord) else ""
            version = old.version if isinstance(old, DocumentRecord) else ""
            rows.append([h.esc(version), ctx.date(versions.version_date(old)), ctx.link(old.id), note,
                         _own_files(ctx, old.id)])
        parts.append(h.table([ctx.t("version"), ctx.t("date"), ctx.t("title"), ctx.t("change_note"),
                              ctx.t("printed_versions")], rows))
    found = ctx.site.history.for_record(ctx.archive, record.id)
    if found.commits:
        rows = [[ctx.date(c.date.date()), h.esc(c.subject), f"<code>{h.esc(c.short)}</code>"]
                for c in found.commits[:COMMITS_SHOWN]]
        parts.append(h.table([ctx.t("date"), ctx.t("change"), ctx.t("commit")], rows))
        more = len(found.commits) - COMMITS_SHOWN
        if more > 0:
            parts.append(f'<p class="zz-note">{ctx.t("more", n=more)}</p>')
    if found.commits and not found.complete:
        parts.append(f'<p class="zz-note">{ctx.t("history_incomplete")}</p>')
    return section(ctx, "history", "".join(parts))


# ---------------------------------------------------------------------------------------------
# References both ways, and the official printed versions


def _page_of(ctx: Ctx, record_id: str) -> str:
    """The record whose page shows ``record_id`` (a nested part is shown on its parent's page)."""
    nested = ctx.archive.nested.get(record_id)
    return nested.parent if nested else record_id


def references(ctx: Ctx, record: Record) -> str:
    graph = ctx.site.graph
    outgoing = sorted({r.target_id for r in graph.outgoing(record.id)
                       if r.target_id and _page_of(ctx, r.target_id) != record.id
                       and record_url(ctx.archive, r.target_id)})
    incoming: dict[str, set[str]] = {}
    for ref in graph.backlinks(record.id):
        source = ref.source_id
        if record_url(ctx.archive, source):
            incoming.setdefault(ctx.archive.get(source).type, set()).add(source)
    # Backlinks of other parts shown on this page (a campaign's plans and tasks) count too.
    for nested_id, nested in ctx.archive.nested.items():
        if nested.parent == record.id:
            for ref in graph.backlinks(nested_id):
                if ref.source_id != record.id and record_url(ctx.archive, ref.source_id):
                    incoming.setdefault(ctx.archive.get(ref.source_id).type, set()).add(ref.source_id)
    out = ""
    if outgoing:
        out += section(ctx, "references", _ref_list(ctx, outgoing))
    if incoming:
        items = []
        for kind in sorted(incoming):
            ids = sorted(incoming[kind])
            shown = "".join(f"<li>{ctx.link(i)}</li>" for i in ids[:BACKLINKS_PER_TYPE])
            more = len(ids) - BACKLINKS_PER_TYPE
            extra = f'<li class="zz-more">{ctx.t("more", n=more)}</li>' if more > 0 else ""
            items.append(f'<div class="zz-refgroup"><h4>{ctx.t("type." + kind)}{ctx.t("paren", inner=len(ids))}</h4>'
                         f"<ul>{shown}{extra}</ul></div>")
        out += section(ctx, "referenced_by", "".join(items))
    return out


def _ref_list(ctx: Ctx, ids: list[str]) -> str:
    items = "".join(
        f'<li><span class="zz-kind">{ctx.type_label(i)}</span> {ctx.link(i)}</li>'
        for i in ids[:100]
    )
    return f'<ul class="zz-refs">{items}</ul>'


def printed_versions(ctx: Ctx, record: Record) -> str:
    """Links to the official printed documents: the record's own, then the documents that also
    print it, named by their titles; a document rendered before the record last changed is not
    linked but said to be out of date."""
    documents = ctx.site.documents.get(record.id, [])
    own = [d for d in documents if d.stem == record.id]
    others = [d for d in documents if d.stem != record.id]
    parts = []
    for document in own:
        if document.current:
            parts.append("<p>" + " ".join(
                f'<a href="{h.esc(ctx.shared_href("documents/" + name))}" class="md-button">{h.esc(_kind(name))}</a>'
                for name in document.files) + "</p>")
        else:
            parts.append(f'<p class="zz-note zz-stale">{ctx.t("printed_out_of_date")}</p>')
    if others:
        items = "".join(f"<li>{h.esc(document_title(ctx, d))} {_document_links(ctx, d)}</li>"
                        for d in others[:BACKLINKS_PER_TYPE])
        more = len(others) - BACKLINKS_PER_TYPE
        extra = f'<li class="zz-more">{ctx.t("more", n=more)}</li>' if more > 0 else ""
        parts.append(f'<p class="zz-note">{ctx.t("also_printed_in")}</p><ul>{items}{extra}</ul>')
    return section(ctx, "printed_versions", "".join(parts))


def document_title(ctx: Ctx, document) -> str:
    """A printed document's title in the page's language: a record's own document is known by the
    record's title; a hazard list by its campaign (and town)."""
    if ctx.archive.kind_of(document.stem):
        return ctx.title(document.stem)
    if ctx.lang == "zh" or document.kind != "hazard-list":
        return document.title
    hazards = [ctx.archive.get(i) for i in document.contains]
    campaigns = {getattr(x, "campaign", None) for x in hazards if x is not None}
    towns = {getattr(x, "town", None) for x in hazards if x is not None}
    if len(campaigns) != 1 or None in campaigns:
        return document.title
    campaign = ctx.title(campaigns.pop())
    town = towns.pop() if len(towns) == 1 else None
    if town and document.stem.endswith(f"-{town}") and ctx.archive.kind_of(town):
        return t("hazard_list_town", ctx.lang, campaign=campaign, town=ctx.title(town))
    return t("hazard_list_campaign", ctx.lang, campaign=campaign)


def _document_links(ctx: Ctx, document) -> str:
    if not document.current:
        return f'<span class="zz-stale">（{ctx.t("out_of_date")}）</span>' if ctx.lang == "zh" else \
            f'<span class="zz-stale">({ctx.t("out_of_date")})</span>'
    return " · ".join(f'<a href="{h.esc(ctx.shared_href("documents/" + name))}">{h.esc(_kind(name))}</a>'
                      for name in document.files)


def _own_files(ctx: Ctx, record_id: str) -> str:
    """Links to a record's own printed files (not the combined documents that also print it)."""
    return "".join(_document_links(ctx, d) for d in ctx.site.documents.get(record_id, []) if d.stem == record_id)


def _kind(name: str) -> str:
    kinds = {".pdf": "PDF", ".docx": "Word", ".xlsx": "Excel"}  # .xlsx: the lists as workbooks (generators/ledgers)
    return kinds.get(name[name.rfind("."):], name)


def split_versions(ctx: Ctx, records: list) -> tuple[list, list]:
    """(current versions, superseded ones): listings show the first and keep the second one click away."""
    current = [r for r in records if versions.is_current(ctx.archive, r.id)]
    return current, [r for r in records if not versions.is_current(ctx.archive, r.id)]


def older_versions(ctx: Ctx, table_html: str, count: int) -> str:
    """Superseded versions behind a disclosure (a native <details>: keyboard and screen-reader ready)."""
    if not count:
        return ""
    return (f'<details class="zz-older"><summary>{ctx.t("older_versions", n=count)}</summary>'
            f'{table_html}</details>')


def paginate(items: list, size: int = PAGE_SIZE) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def pager(ctx: Ctx, base: str, number: int, count: int, total: int, size: int = PAGE_SIZE) -> str:
    """Links to the other pages of a listing; ``base`` is page 1's path, page n is base/page/n/."""
    if count <= 1:
        start, end = (1 if total else 0), total
        return f'<p class="zz-shown">{ctx.t("shown", a=start, b=end, n=total)}</p>'
    links = []
    for n in range(1, count + 1):
        url = base if n == 1 else f"{base}page/{n}/"
        if n == number:
            links.append(f'<strong aria-current="page">{n}</strong>')
        else:
            links.append(f'<a href="{h.esc(ctx.href(url))}">{n}</a>')
    start = (number - 1) * size + 1
    end = min(number * size, total)
    shown = ctx.t("shown", a=start, b=end, n=total)
    return f'<nav class="zz-pager" aria-label="{ctx.t("pages")}"><span>{shown}</span> {" ".join(links)}</nav>'


def page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}page/{number}/"
