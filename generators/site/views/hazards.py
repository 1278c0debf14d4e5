"""Hazard dossiers (一患一档) and the hazard index with its facet listings.

The index is paginated (:data:`PAGE_SIZE` rows a page) and every facet value (campaign, town,
domain, grade, status, source) has its own paginated listing, so filtering works over all
dossiers without JavaScript; the script in the theme filters and sorts rows within a page.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from generators.records import Archive, reads
from generators.records.model import Campaign, Domain, Hazard
from generators.rules.statistics import hazard_status
from generators.site import html as h
from generators.site.context import Ctx, is_town
from generators.site.i18n import t
from generators.site.pages import (
    PAGE_SIZE,
    Page,
    block,
    h1,
    later,
    listing_marker,
    page_url,
    pager,
    paginate,
    record_page,
    section,
)

FACETS = ("campaign", "town", "domain", "grade", "status", "source")


def facet_values(archive, hazard: Hazard) -> dict[str, str]:
    """The dossier's value of every facet (its status worked out once, not once per facet)."""
    return {
        "campaign": hazard.campaign, "town": hazard.town, "domain": hazard.domain, "grade": hazard.grade,
        "status": hazard_status(archive, hazard), "source": hazard.discovery.source,
    }


def facet_label(ctx: Ctx, facet: str, key: str) -> str:
    """Plain-text label of a facet value in the page's language."""
    vocab = {"grade": "hazard-grades", "status": "hazard-statuses", "source": "hazard-sources"}.get(facet)
    if vocab:
        return ctx.archive.label(vocab, key, ctx.lang)
    return ctx.title(key)


def facet_keys(ctx: Ctx, facet: str) -> list[str]:
    """Every value of a facet, in the order readers expect (vocabulary order, else by ID)."""
    vocab = {"grade": "hazard-grades", "status": "hazard-statuses", "source": "hazard-sources"}.get(facet)
    if vocab:
        return list(ctx.archive.vocabularies.get(vocab, {}))
    if facet == "campaign":
        return [c.id for c in ctx.site.of_type(Campaign)]
    if facet == "domain":
        return [d.id for d in ctx.site.of_type(Domain)]
    return _towns(ctx.archive)


@reads.valued("site.hazard-towns")  # the towns of every listing's filter: depends on them, not on every dossier
@functools.lru_cache(maxsize=4)
def _towns(archive: Archive) -> list[str]:
    return sorted({hz.town for hz in archive.of_type(Hazard)})


def facet_url(facet: str, key: str) -> str:
    return f"hazards/{facet}/{key}/"


def pages(ctx: Ctx) -> Iterator[Page]:
    hazards = ctx.site.of_type(Hazard)
    for hazard in hazards:
        yield later(dossier, ctx.at(f"hazards/{hazard.id}/"), hazard)
    yield from listing(ctx, "hazards/", t("hazards", ctx.lang), hazards, intro=True)
    values = [facet_values(ctx.archive, hazard) for hazard in hazards]
    for facet in FACETS:
        groups: dict[str, list[Hazard]] = {}
        for hazard, value in zip(hazards, values, strict=True):
            groups.setdefault(value[facet], []).append(hazard)
        for key in facet_keys(ctx, facet):
            if key in groups:
                title = f"{t('hazards', ctx.lang)}{t('sep.colon', ctx.lang)}{facet_label(ctx, facet, key)}"
                yield from listing(ctx, facet_url(facet, key), title, groups[key], current=(facet, key))


# ---------------------------------------------------------------------------------------------
# Listings


def facet_counts(ctx: Ctx) -> dict[str, dict[str, int]]:
    """facet → value → number of published dossiers (computed once per build)."""

    return _facet_counts(ctx.archive)


@reads.valued("site.facet-counts")  # every listing shows them: it depends on the counts, not on every dossier
@functools.lru_cache(maxsize=4)
def _facet_counts(archive: Archive) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    for hazard in archive.of_type(Hazard):
        values = facet_values(archive, hazard)
        for facet in FACETS:
            key = values[facet]
            counts[facet][key] = counts[facet].get(key, 0) + 1
    return counts


def facet_nav(ctx: Ctx, current: tuple[str, str] | None = None) -> str:
    """Links to every facet listing with its count (counts of published dossiers only)."""
    rows = []
    all_counts = facet_counts(ctx)
    for facet in FACETS:
        counts = all_counts[facet]
        links = []
        for key in facet_keys(ctx, facet):
            if key not in counts:
                continue
            label = h.esc(facet_label(ctx, facet, key))
            if current == (facet, key):
                links.append(f'<strong>{label}</strong> <span class="zz-count">{counts[key]}</span>')
            else:
                links.append(f'<a href="{h.esc(ctx.href(facet_url(facet, key)))}">{label}</a>'
                             f' <span class="zz-count">{counts[key]}</span>')
        if links:
            rows.append(f'<div class="zz-facet"><span class="zz-facet-name">{ctx.t(facet)}</span>'
                        f'{" · ".join(links)}</div>')
    everything = f'<a href="{h.esc(ctx.href("hazards/"))}">{ctx.t("all_hazards")}</a>'
    return f'<div class="zz-facets"><p>{ctx.t("browse_by")} · {everything}</p>{"".join(rows)}</div>'


def listing(ctx: Ctx, base: str, title: str, hazards: list[Hazard], *, intro: bool = False,
            current: tuple[str, str] | None = None) -> Iterator[Page]:
    chunks = paginate(hazards, PAGE_SIZE)
    for number, chunk in enumerate(chunks, start=1):
        shown_title = title if number == 1 else f"{title} · {t('page_n', ctx.lang, n=number)}"
        yield later(listing_page, ctx.at(page_url(base, number)), base, shown_title, number, len(chunks), chunk,
                    len(hazards), current)


def listing_page(page_ctx: Ctx, base: str, shown_title: str, number: int, pages: int, chunk: list[Hazard],
                 total: int, current: tuple[str, str] | None) -> Page:
    """One page of a listing: rows ``chunk``, page ``number`` of ``pages``, ``total`` rows in all."""
    body = [h1(page_ctx, shown_title), listing_marker()]
    body.append(block(facet_nav(page_ctx, current)))
    body.append(block(pager(page_ctx, base, number, pages, total)))
    where = {current[0]: current[1]} if current and current[0] in ("campaign", "town", "domain", "grade") else {}
    count = page_ctx.classified_count("hazard", **where) if not current or where else 0
    if count:  # the site counts fewer dossiers than the archive holds: say so
        body.append(block(f"<p>{page_ctx.excluding(count)}</p>"))
    body.append(block(hazard_table(page_ctx, chunk, pages=pages, total=total, current=current)))
    if pages > 1:
        body.append(block(pager(page_ctx, base, number, pages, total)))
    return Page(page_ctx.url, shown_title, "".join(body))


def filter_options(ctx: Ctx, current: tuple[str, str] | None) -> str:
    """Every value of every facet (vocabulary order, over all published dossiers) with its listing,
    for the theme's dropdowns: a page of a long listing holds only some values, and choosing one
    must show every matching dossier, not those of the page (the script goes to the listing)."""
    import json

    counts = facet_counts(ctx)
    attrs = []
    for facet in ("town", "domain", "grade", "status", "source"):
        options = [[facet_label(ctx, facet, key), ctx.href(facet_url(facet, key)), counts[facet][key]]
                   for key in facet_keys(ctx, facet) if counts[facet].get(key)]
        attrs.append(f'data-options-{facet}="{h.esc(json.dumps(options, ensure_ascii=False))}"')
        if current and current[0] == facet:
            attrs.append(f'data-current-{facet}="{h.esc(facet_label(ctx, facet, current[1]))}"')
    return " ".join(attrs)


def hazard_table(ctx: Ctx, hazards: list[Hazard], *, pages: int = 1, total: int | None = None,
                 current: tuple[str, str] | None = None) -> str:
    """The sortable, filterable table (filter controls are added by the theme's script)."""
    headers = [ctx.t(k) for k in ("id", "title", "town", "domain", "grade", "status", "source", "deadline")]
    rows = []
    for hz in hazards:
        status = hazard_status(ctx.archive, hz)
        cells = [
            f'<span class="zz-nowrap">{ctx.link(hz.id, hz.id)}</span>',
            ctx.link(hz.id) + ctx.fallback_mark(hz.title),
            h.esc(ctx.title(hz.town)), h.esc(ctx.title(hz.domain)),
            ctx.label("hazard-grades", hz.grade), ctx.label("hazard-statuses", status),
            ctx.label("hazard-sources", hz.discovery.source),
            f'<span data-sort="{_deadline(hz).isoformat()}">{ctx.date(_deadline(hz))}</span>',
        ]
        rows.append(cells)
    head = "".join(f"<th>{x}</th>" for x in headers)
    body = "".join(
        f'<tr data-town="{h.esc(ctx.title(hz.town))}" data-domain="{h.esc(ctx.title(hz.domain))}" '
        f'data-grade="{ctx.label("hazard-grades", hz.grade)}" '
        f'data-status="{ctx.label("hazard-statuses", hazard_status(ctx.archive, hz))}" '
        f'data-source="{ctx.label("hazard-sources", hz.discovery.source)}">'
        + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for hz, cells in zip(hazards, rows, strict=True)
    )
    labels = " ".join(f'data-label-{k}="{ctx.t(k)}"' for k in ("town", "domain", "grade", "status", "source"))
    counted = (f'data-pages="{pages}" data-total="{total if total is not None else len(hazards)}" '
               f'data-shown-filtered="{ctx.t("shown_filtered")}" data-shown-page="{ctx.t("shown_page")}" '
               f'{filter_options(ctx, current)}')
    return (f'<div class="zz-filterable" data-filter-all="{ctx.t("filter_all")}" '
            f'data-filter-text="{ctx.t("filter_text")}" {labels} {counted}>'
            f'<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')


def _deadline(hazard: Hazard):
    """The deadline in force, as the rules define it."""
    from generators.rules.statistics import effective_deadline

    return effective_deadline(hazard)


# ---------------------------------------------------------------------------------------------
# The dossier


def dossier(ctx: Ctx, hz: Hazard) -> Page:
    title = f"{hz.id} {ctx.plain(hz.title)}"
    status = hazard_status(ctx.archive, hz)
    facets = {
        "town": ctx.title(hz.town), "domain": ctx.title(hz.domain), "year": str(hz.discovery.date.year),
        "hazard_grade": ctx.facet("hazard-grades", hz.grade),
        "status": ctx.facet("hazard-statuses", status),
    }
    town = ctx.link(hz.town) if is_town(ctx.archive.get(hz.town), ctx.archive) else h.esc(ctx.title(hz.town))
    meta = [
        (ctx.t("title"), ctx.text(hz.title)),
        (ctx.t("campaign"), ctx.link(hz.campaign)),
        (ctx.t("plan"), ctx.link(hz.plan) if hz.plan else ""),
        (ctx.t("domain"), ctx.link(hz.domain)),
        (ctx.t("town"), town),
        (ctx.t("grade"), _facet_link(ctx, "grade", hz.grade)),
        (ctx.t("status"), _facet_link(ctx, "status", status)),
        (ctx.t("deadline"), ctx.date(_deadline(hz))),
    ]
    entity = hz.entity
    parts = [
        section(ctx, "entity", h.dl([
            (ctx.t("entity"), ctx.text(entity.name)),
            (ctx.t("credit_code"), h.esc(entity.credit_code)),
            (ctx.t("location"), ctx.text(entity.location)),
            (ctx.t("contact"), ctx.person(entity.contact) if entity.contact else ""),
        ])),
        section(ctx, "discovery", h.dl([
            (ctx.t("source"), _facet_link(ctx, "source", hz.discovery.source)),
            (ctx.t("date"), ctx.date(hz.discovery.date)),
            (ctx.t("inspector"), ctx.text(hz.discovery.inspector)),
            (ctx.t("category"), ctx.label("hazard-categories", hz.discovery.category)),
            (ctx.t("description"), ctx.text(hz.discovery.description)),
            (ctx.t("major_clause"), ctx.text(hz.major_clause)),
        ])),
    ]
    if hz.treatment:
        five = hz.treatment.five_in_place
        parts.append(section(ctx, "treatment", h.dl([
            (ctx.t("treatment"), ctx.text(hz.treatment.plan)),
            (ctx.t("responsible"), ctx.text(five.responsibility)),
            (ctx.t("measures"), ctx.text(five.measures)),
            (ctx.t("funds"), ctx.text(five.funds)),
            (ctx.t("deadline"), ctx.date(five.deadline)),
            (ctx.t("emergency_plan"), ctx.text(five.emergency_plan)),
        ])))
    if hz.supervision:
        sv = hz.supervision
        parts.append(section(ctx, "supervision", h.dl([
            (ctx.t("level"), ctx.label("supervision-levels", sv.level)),
            (ctx.t("body"), ctx.link(sv.body)),
            (ctx.t("document_number"), ctx.link(sv.document) if sv.document else ""),
            (ctx.t("listed_on"), ctx.date(sv.listed_on)),
            (ctx.t("lifted_on"), ctx.date(sv.lifted_on)),
        ])))
    if hz.extensions:
        rows = [[ctx.date(e.requested_on), ctx.date(e.old_deadline), ctx.date(e.new_deadline), ctx.text(e.reason),
                 f"{ctx.link(e.approved_by)} {ctx.date(e.approved_on)}"] for e in hz.extensions]
        parts.append(section(ctx, "extensions", h.table(
            [ctx.t(k) for k in ("requested_on", "old_deadline", "new_deadline", "reason", "approved")], rows)))
    if hz.progress:
        rows = [[ctx.date(p.date), ctx.text(p.note), ctx.text(p.before), ctx.text(p.after)] for p in hz.progress]
        parts.append(section(ctx, "progress", h.table(
            [ctx.t(k) for k in ("date", "progress", "before", "after")], rows)))
    if hz.acceptance:
        a = hz.acceptance
        parts.append(section(ctx, "acceptance", h.dl([
            (ctx.t("method"), ctx.label("acceptance-methods", a.method)),
            (ctx.t("by"), ctx.text(a.by)),
            (ctx.t("date"), ctx.date(a.date)),
            (ctx.t("opinion"), ctx.text(a.opinion)),
            (ctx.t("conclusion"), ctx.label("acceptance-conclusions", a.conclusion)),
        ])))
    if hz.closure:
        parts.append(section(ctx, "closure", h.dl([
            (ctx.t("date"), ctx.date(hz.closure.date)),
            (ctx.t("approved"), ctx.link(hz.closure.approved_by)),
        ])))
    return record_page(ctx, hz, title, "".join(parts), facets=facets, meta=meta)


def _facet_link(ctx: Ctx, facet: str, key: str) -> str:
    vocab = {"grade": "hazard-grades", "status": "hazard-statuses", "source": "hazard-sources"}[facet]
    return f'<a href="{h.esc(ctx.href(facet_url(facet, key)))}">{ctx.label(vocab, key)}</a>'
