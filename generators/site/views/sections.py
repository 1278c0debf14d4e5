"""Home, translation coverage, about, the search mount point and the reviewer's pages."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from generators import present
from generators.records import Archive, reads, versions
from generators.records.model import Campaign, Notice
from generators.records.walk import texts
from generators.refs.review import review_page_markdown, reviewable
from generators.site import html as h
from generators.site.context import Ctx, record_url
from generators.site.html import nowrap
from generators.site.i18n import t
from generators.site.pages import (
    Page,
    block,
    h1,
    later,
    listing_marker,
    page_url,
    pager,
    paginate,
    section,
    split_versions,
    unindexed_marker,
)


def pages(ctx: Ctx) -> Iterator[Page]:
    yield later(home, ctx.at(""))  # every campaign's figures: made again only when what they read changed
    yield from coverage(ctx)
    yield about(ctx.at("about/"))
    yield search(ctx.at("search/"))
    yield from review(ctx)


def home(ctx: Ctx) -> Page:
    from generators.site.views.campaigns import campaign_cards

    title = t("home", ctx.lang)
    site_name = present.title(ctx.archive, ctx.archive.jurisdiction.id, ctx.lang)
    parts = [h1(ctx, f"{site_name} · {t('campaigns', ctx.lang)}")]
    if ctx.archive.jurisdiction.example_data:
        parts.append(block(f'<div class="admonition info"><p>{ctx.t("example_data")}</p></div>'))
    parts.append(block(campaign_cards(ctx, ctx.site.of_type(Campaign))))
    notices = split_versions(ctx, sorted(ctx.site.of_type(Notice), key=lambda n: (n.date, n.id), reverse=True))[0][:10]
    parts.append(section(ctx, "notices", h.table(
        [ctx.t("document_number"), ctx.t("title"), ctx.t("date")],
        [[nowrap(n.document_number), ctx.link(n.id), ctx.date(n.date)] for n in notices])))
    links = " · ".join(f'<a href="{h.esc(ctx.href(u))}">{ctx.t(k)}</a>' for k, u in (
        ("hazards", "hazards/"), ("reports", "reports/"), ("towns", "towns/"), ("domains", "domains/"),
        ("statistics", "statistics/")))
    parts.append(block(f'<p class="zz-quicklinks">{links}</p>'))
    return Page("", title, "".join(parts))


def missing_translations(ctx: Ctx) -> list[tuple[str, list[str]]]:
    """(record ID, dotted paths of its texts without English), for records that have a page. A
    record's paths are worked out once per build, and kept from the previous build when its file
    did not change (:attr:`Site.untranslated`)."""
    found = []
    known = ctx.site.untranslated
    for record in ctx.archive:
        if not record_url(ctx.archive, record.id):
            continue
        paths = known.get(record.id)
        if paths is None:
            paths = known[record.id] = [".".join(str(p) for p in path) for path, value in texts(record)
                                        if not value.translated("en")]
        if paths:
            found.append((record.id, paths))
    return sorted(found)


def coverage(ctx: Ctx) -> Iterator[Page]:
    missing = missing_translations(ctx)
    chunks = paginate(missing)
    for number, chunk in enumerate(chunks, start=1):
        page_ctx = ctx.at(page_url("coverage/", number))
        title = t("coverage", ctx.lang) + ("" if number == 1 else f" · {t('page_n', ctx.lang, n=number)}")
        rows = [[page_ctx.link(rid, rid), page_ctx.type_label(rid), page_ctx.link(rid),
                 h.esc(len(paths)), " ".join(f"<code>{h.esc(p)}</code>" for p in paths[:30])
                 + (f" {page_ctx.t('more', n=len(paths) - 30)}" if len(paths) > 30 else "")]
                for rid, paths in chunk]
        intro = page_ctx.t("coverage_intro") if missing else page_ctx.t("coverage_done")
        body = h1(page_ctx, title) + block(f"<p>{intro}</p>")
        if missing:
            body += block(pager(page_ctx, "coverage/", number, len(chunks), len(missing)))
            body += block(h.table([page_ctx.t(k) for k in ("id", "record_type", "title", "count", "missing_fields")],
                                  rows))
        yield Page(page_ctx.url, title, body)


def about(ctx: Ctx) -> Page:
    title = t("about", ctx.lang)
    body = h1(ctx, title) + block(f"<p>{ctx.t('about_text')}</p>")
    if ctx.archive.jurisdiction.example_data:
        body += block(f"<p>{ctx.t('example_data')}</p>")
    records = ctx.number(len(ctx.archive.records)) + ctx.excluding(len(ctx.site.withheld))
    body += block(h.dl([(ctx.t("build_date"), ctx.date(ctx.site.build_date)), (ctx.t("records"), records)]))
    return Page("about/", title, body)


def search(ctx: Ctx) -> Page:
    """The search page: a plain form; theme/search/search.js and the index fill #zz-search."""
    title = t("search", ctx.lang)
    form = (f'<form class="zz-search-form" action="./" method="get" role="search">'
            f'<input type="search" name="q" placeholder="{ctx.t("search.placeholder")}" '
            f'aria-label="{ctx.t("search")}"> <button type="submit" class="md-button">'
            f'{ctx.t("search")}</button></form><p class="zz-note">{ctx.t("search.hint")}</p>'
            f'<div id="zz-search" data-lang="{ctx.lang}"></div>')
    return Page("search/", title, h1(ctx, title) + unindexed_marker() + block(form))


def _mark_links(ctx: Ctx, html_text: str) -> str:
    """The reviewer's Markdown links records by URL alone: add the withdrawn/superseded marks that
    :meth:`Ctx.link` gives every other link."""
    import html
    import re

    marks = {ctx.href(url): ctx.status(rid) for rid in _marked(ctx.archive) if (url := record_url(ctx.archive, rid))}
    return re.sub(r'(<a href="([^"]*)">.*?</a>)',
                  lambda m: m.group(1) + marks.get(html.unescape(m.group(2)), ""), html_text)


@reads.valued("site.marked-documents")  # each reviewer's page depends on which are marked, not on every document
@functools.lru_cache(maxsize=4)
def _marked(archive: Archive) -> list[str]:
    """The documents withdrawn or superseded."""
    from generators.records.model import DocumentRecord

    return [r.id for r in archive.of_type(DocumentRecord)
            if versions.is_withdrawn(r) or not versions.is_current(archive, r.id)]


_SOURCE = re.compile(r"`([^`\s]+?\.(?:ya?ml|md))((?::\d+){0,2})`")


def _archive_relative(ctx: Ctx, markdown: str) -> str:
    """Source paths as the reviewer's page names them (`data/x.yml:3:5`, or absolute: the data folder
    as given on the command line) made relative to the archive, so that the same archive built
    from any folder gives the same pages (prose files under content/ become `../content/…`)."""
    import os
    from pathlib import Path

    root = Path(ctx.archive.root).resolve()

    def fix(match: re.Match) -> str:
        try:
            shown = Path(os.path.relpath(Path(match.group(1)).resolve(), root)).as_posix()
        except ValueError:  # another drive: leave it as it is
            return match.group(0)
        return f"`{shown}{match.group(2)}`"

    return _SOURCE.sub(fix, markdown)


def review(ctx: Ctx) -> Iterator[Page]:
    """The reviewer's pages (Markdown from generators/refs/review.py, rendered with raw HTML disabled)."""
    ids = sorted(reviewable(ctx.archive))
    for rid in ids:
        yield later(review_page, ctx.at(f"review/{rid}/"), rid)
    chunks = paginate(ids)
    for number, chunk in enumerate(chunks, start=1):
        page_ctx = ctx.at(page_url("review/", number))
        title = t("review", ctx.lang) + ("" if number == 1 else f" · {t('page_n', ctx.lang, n=number)}")
        rows = [[page_ctx.type_label(rid),
                 f'<a href="{h.esc(page_ctx.href(f"review/{rid}/"))}">{h.esc(page_ctx.title(rid))}</a>'
                 + page_ctx.status(rid),
                 page_ctx.link(rid, rid)] for rid in chunk]
        yield Page(page_ctx.url, title, h1(page_ctx, title)
                   + block(pager(page_ctx, "review/", number, len(chunks), len(ids)))
                   + block(h.table([page_ctx.t("record_type"), page_ctx.t("title"), page_ctx.t("id")], rows)))


def review_page(page_ctx: Ctx, rid: str) -> Page:
    """The reviewer's page of one report."""
    def url_for(target: str, page_ctx: Ctx = page_ctx) -> str | None:
        url = record_url(page_ctx.archive, target)
        return page_ctx.href(url) if url else None

    markdown = _archive_relative(page_ctx, review_page_markdown(page_ctx.archive, rid, page_ctx.lang, url_for))
    first, _, rest = markdown.partition("\n")
    title = first.lstrip("# ").replace("\\", "")
    mark = page_ctx.status(rid)
    body = h1(page_ctx, title) + (block(f"<p>{mark}</p>") if mark else "")
    body += block(_mark_links(page_ctx, h.prose_html(rest, shift=1)))
    if versions.is_withdrawn(page_ctx.archive.get(rid)):
        body += listing_marker()  # search leaves it out, like the withdrawn record's own page
    return Page(page_ctx.url, title, body)
