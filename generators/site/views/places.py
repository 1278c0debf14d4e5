"""A page per town and per industry domain, across campaigns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from generators.records.model import (
    Campaign,
    ComprehensiveReview,
    Domain,
    Hazard,
    Organisation,
    RectificationPlan,
    SelfAssessment,
    SubReport,
)
from generators.rules.records import standing
from generators.rules.statistics import hazard_status
from generators.site import html as h
from generators.site.context import Ctx, is_town
from generators.site.i18n import t
from generators.site.pages import Page, block, h1, later, older_versions, record_page, section, split_versions
from generators.site.views.hazards import facet_url
from generators.site.views.reports import report_records, report_table


def pages(ctx: Ctx) -> Iterator[Page]:
    towns = [o for o in ctx.site.of_type(Organisation) if is_town(o, ctx.archive)]
    domains = ctx.site.of_type(Domain)
    hazard_counts = _hazard_counts(ctx)
    for town in towns:
        yield later(town_page, ctx.at(f"towns/{town.id}/"), town, hazard_counts)
    for domain in domains:
        yield later(domain_page, ctx.at(f"domains/{domain.id}/"), domain, hazard_counts)
    index = ctx.at("towns/")
    rows = [[index.link(o.id), index.label("organisation-kinds", o.kind),
             _count_link(index, "town", o.id, hazard_counts)] for o in towns]
    title = t("towns", ctx.lang)
    note = index.excluding(index.classified_count("hazard"))
    yield Page("towns/", title, h1(index, title) + block(h.table(
        [index.t("town"), index.t("kind"), index.t("hazards_total")], rows)) + block(f"<p>{note}</p>" if note else ""))
    index = ctx.at("domains/")
    rows = [[index.link(d.id), index.link(d.lead_department), _count_link(index, "domain", d.id, hazard_counts)]
            for d in domains]
    title = t("domains", ctx.lang)
    note = index.excluding(index.classified_count("hazard"))
    columns = [index.t("domain"), index.t("lead_department"), index.t("hazards_total")]
    yield Page("domains/", title, h1(index, title) + block(h.table(columns, rows))
               + block(f"<p>{note}</p>" if note else ""))


def _hazard_counts(ctx: Ctx) -> dict[tuple[str, str], Counter]:
    """(facet, key) → Counter of statuses and (campaign, status) pairs, over published dossiers."""
    counts: dict[tuple[str, str], Counter] = {}
    for hz in ctx.site.of_type(Hazard):
        status = hazard_status(ctx.archive, hz)
        for facet, key in (("town", hz.town), ("domain", hz.domain)):
            counter = counts.setdefault((facet, key), Counter())
            counter["total"] += 1
            counter[(hz.campaign, "total")] += 1
            counter[(hz.campaign, status)] += 1
    return counts


def _count_link(ctx: Ctx, facet: str, key: str, counts) -> str:
    total = counts.get((facet, key), Counter())["total"]
    if not total:
        return "0"
    return f'<a href="{h.esc(ctx.href(facet_url(facet, key)))}">{ctx.number(total)}</a>'


def _status_cells(ctx: Ctx, counter: Counter, campaign: str) -> list[str]:
    statuses = list(ctx.archive.vocabularies.get("hazard-statuses", {}))
    return [ctx.number(counter[(campaign, "total")])] + [ctx.number(counter[(campaign, s)]) for s in statuses]


def town_page(ctx: Ctx, town: Organisation, counts) -> Page:
    title = ctx.plain(town.name)
    statuses = list(ctx.archive.vocabularies.get("hazard-statuses", {}))
    counter = counts.get(("town", town.id), Counter())
    rows = []
    for campaign in ctx.site.of_type(Campaign):
        if town.id not in campaign.scope.towns and not counter[(campaign.id, "total")]:
            continue
        docs = [r for cls in (SelfAssessment, SubReport, RectificationPlan)
                for r in standing(ctx.archive, cls, campaign.id) if r.town == town.id]
        grade = next((ctx.label("grades", r.grade) for r in docs if isinstance(r, SubReport)), "")
        rows.append([ctx.link(campaign.id), f'<strong class="zz-grade">{grade}</strong>' if grade else "",
                     "<br>".join(ctx.link(r.id) for r in docs)] + _status_cells(ctx, counter, campaign.id))
    headers = [ctx.t("campaign"), ctx.t("grade"), ctx.t("documents"), ctx.t("hazards_total")] + \
        [ctx.label("hazard-statuses", s) for s in statuses]
    body = section(ctx, "campaigns", h.table(headers, rows) if rows else "")
    note = ctx.excluding(ctx.classified_count("hazard", town=town.id))
    body += block(f"<p>{note}</p>" if note else "")
    older = [r for r in split_versions(ctx, report_records(ctx))[1] if getattr(r, "town", None) == town.id]
    body += block(older_versions(ctx, report_table(ctx, older), len(older)))
    body += block(f'<p><a href="{h.esc(ctx.href(facet_url("town", town.id)))}">{ctx.t("all_hazards")} →</a></p>'
                  if counter["total"] else "")
    meta = [(ctx.t("kind"), ctx.label("organisation-kinds", town.kind))]
    return record_page(ctx, town, title, body, facets={"town": title}, meta=meta)


def domain_page(ctx: Ctx, domain: Domain, counts) -> Page:
    title = ctx.plain(domain.name)
    statuses = list(ctx.archive.vocabularies.get("hazard-statuses", {}))
    counter = counts.get(("domain", domain.id), Counter())
    rows = []
    for campaign in ctx.site.of_type(Campaign):
        if domain.id not in campaign.scope.domains and not counter[(campaign.id, "total")]:
            continue
        grades = [(g, r) for r in standing(ctx.archive, ComprehensiveReview, campaign.id)
                  for g in r.domain_grades if g.domain == domain.id]
        grade = "".join(f'<strong class="zz-grade">{ctx.label("grades", g.grade)}</strong> {ctx.link(r.id)}'
                        for g, r in grades)
        plans = "<br>".join(ctx.link(p.id) for p in campaign.plans if p.domain == domain.id)
        rows.append([ctx.link(campaign.id), grade, plans] + _status_cells(ctx, counter, campaign.id))
    headers = [ctx.t("campaign"), ctx.t("grade"), ctx.t("plans"), ctx.t("hazards_total")] + \
        [ctx.label("hazard-statuses", s) for s in statuses]
    body = section(ctx, "campaigns", h.table(headers, rows) if rows else "")
    note = ctx.excluding(ctx.classified_count("hazard", domain=domain.id))
    body += block(f"<p>{note}</p>" if note else "")
    body += block(f'<p><a href="{h.esc(ctx.href(facet_url("domain", domain.id)))}">{ctx.t("all_hazards")} →</a></p>'
                  if counter["total"] else "")
    meta = [(ctx.t("lead_department"), ctx.link(domain.lead_department))]
    return record_page(ctx, domain, title, body, facets={"domain": title}, meta=meta)
