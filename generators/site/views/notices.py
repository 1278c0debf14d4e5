"""Notices and circulars (document number, issuer, addressees, copy-to, date, attachments), and the
accident-statistics records."""

from __future__ import annotations

from collections.abc import Iterator

from generators.records.model import AccidentStatistics, Notice
from generators.site import html as h
from generators.site.context import Ctx
from generators.site.html import nowrap
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


def pages(ctx: Ctx) -> Iterator[Page]:
    notices = sorted(ctx.site.of_type(Notice), key=lambda n: (n.date, n.id), reverse=True)
    for notice in notices:
        yield later(notice_page, ctx.at(f"notices/{notice.id}/"), notice)
    current, older = split_versions(ctx, notices)
    chunks = paginate(current)
    for number, chunk in enumerate(chunks, start=1):
        page_ctx = ctx.at(page_url("notices/", number))
        title = t("notices", ctx.lang) + ("" if number == 1 else f" · {t('page_n', ctx.lang, n=number)}")
        body = (h1(page_ctx, title) + block(pager(page_ctx, "notices/", number, len(chunks), len(current)))
                + block(notice_table(page_ctx, chunk)))
        if number == 1:
            body += block(older_versions(page_ctx, notice_table(page_ctx, older), len(older)))
        yield Page(page_ctx.url, title, body)
    stats = ctx.site.of_type(AccidentStatistics)
    for record in stats:
        yield later(statistics_page, ctx.at(f"statistics/{record.id}/"), record)
    page_ctx = ctx.at("statistics/")
    rows = [[page_ctx.link(s.id), page_ctx.text(s.source), page_ctx.date(s.taken_on), h.esc(len(s.rows))]
            for s in stats]
    title = t("statistics", ctx.lang)
    yield Page("statistics/", title, h1(page_ctx, title) + block(h.table(
        [page_ctx.t(k) for k in ("title", "source", "taken_on", "count")], rows)))


def notice_table(ctx: Ctx, notices: list[Notice]) -> str:
    rows = [[nowrap(n.document_number), ctx.link(n.id) + ctx.fallback_mark(n.title),
             ctx.label("notice-kinds", n.kind), ctx.link(n.issuer), ctx.date(n.date)] for n in notices]
    return h.table([ctx.t(k) for k in ("document_number", "title", "kind", "issuer", "date")], rows)


def notice_page(ctx: Ctx, n: Notice) -> Page:
    title = ctx.plain(n.title)
    meta = [
        (ctx.t("document_number"), h.nowrap(n.document_number)),
        (ctx.t("kind"), ctx.label("notice-kinds", n.kind)),
        (ctx.t("issuer"), ctx.link(n.issuer)),
        (ctx.t("date"), ctx.date(n.date)),
        (ctx.t("addressees"), ctx.text(n.addressees)),
        (ctx.t("copy_to"), ctx.text(n.copy_to)),
        (ctx.t("urgency"), ctx.label("urgency", n.urgency) if n.urgency else ""),
        (ctx.t("campaign"), ctx.link(n.campaign) if n.campaign else ""),
        (ctx.t("printed"), " ".join(x for x in (ctx.link(n.printed_by) if n.printed_by else "",
                                              ctx.date(n.printed_on)) if x)),
    ]
    body = [block(ctx.prose(n.body, shift=1))]
    if n.signature or n.note:
        body.append(block(f'<p class="zz-signature">{ctx.text(n.signature)}</p>'
                          + (f'<p class="zz-note">{ctx.text(n.note)}</p>' if n.note else "")))
    if n.attachments:
        items = []
        for a in n.attachments:
            anchor = f' id="{h.esc(a.id)}"' if a.id else ""
            target = f" — {ctx.link(a.ref)}" if a.ref else ""
            items.append(f"<li{anchor}>{ctx.text(a.title)}{target}</li>")
        body.append(section(ctx, "attachments", f"<ol>{''.join(items)}</ol>"))
        for index, a in enumerate(n.attachments, start=1):
            if a.body is not None:
                label = f"{t('attachments', ctx.lang)} {index}　{ctx.plain(a.title)}"
                body.append(heading(ctx, label, f"attachment-{index}"))
                body.append(block(ctx.prose(a.body, shift=2)))
    facets = {"year": str(n.date.year)}
    return record_page(ctx, n, title, "".join(body), facets=facets, meta=meta)


def statistics_page(ctx: Ctx, s: AccidentStatistics) -> Page:
    title = ctx.plain(s.title)
    meta = [(ctx.t("source"), ctx.text(s.source)), (ctx.t("taken_on"), ctx.date(s.taken_on))]
    rows = [[h.esc(ctx_month(ctx, r.period)), ctx.link(r.town), ctx.link(r.domain), ctx.number(r.count),
             ctx.number(r.deaths), ctx.number(r.loss, 2)] for r in sorted(s.rows, key=lambda r: (r.period, r.town,
                                                                                                    r.domain))]
    table = h.table([ctx.t(k) for k in ("month", "town", "domain", "accident_count", "deaths", "loss")], rows)
    return record_page(ctx, s, title, section(ctx, "accidents", table), meta=meta,
                       facets={"year": str(s.taken_on.year)})


def ctx_month(ctx: Ctx, period: str) -> str:
    from generators.present import format_month

    return format_month(period, ctx.lang)
