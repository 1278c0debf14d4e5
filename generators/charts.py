"""Campaign charts, in ONE place for the site and the printed reports: the series (computed by
the rules, never recomputed by a page or a document) and their drawing as SVG at build time.

The site inlines the SVG in a ``<figure>`` (readable without JavaScript, labelled in the page's
language, with <title>/<desc> for screen readers); the printed reports include the same SVG as a
figure (Typst draws it with the document's own fonts, Word gets a PNG Typst rasterised).
No chart library, nothing fetched.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from html import escape

from generators.records import Archive
from generators.records.model import Campaign, Hazard, SubReport


def esc(value: object) -> str:
    """Text inside the SVG (drawn for site and print alike, so not with the site's own helper)."""
    return escape(str(value), quote=True)


WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 28, 48
COLOURS = ("#1565c0", "#9e9e9e", "#c62828", "#2e7d32", "#ef6c00")


# ---------------------------------------------------------------------------------------------
# Series


@dataclass(frozen=True)
class Closure:
    """Per month (YYYY-MM): dossiers closed by the month's end, and found by then but still open."""

    months: list[str]
    closed: list[int]
    still_open: list[int]


def accident_trend(archive: Archive, campaign: Campaign) -> list[tuple[str, int]]:
    """Accidents per month (the figures in force), from the base period of the period-on-period
    comparison to the campaign's last month, starting at the first month with data."""
    from generators.rules import statistics as st

    period = st.Period.of_campaign(campaign)
    base = st.period_on_period(archive, period).base_period
    months = st.Period(base.first, period.last).months()
    per_month: dict[str, int] = {}
    for (month, _town, _domain), entry in st.accident_entries(archive).items():
        per_month[month] = per_month.get(month, 0) + entry.figures.count
    first = next((i for i, m in enumerate(months) if per_month.get(m)), 0)  # no flat line before the data
    return [(m, per_month.get(m, 0)) for m in months[first:]]


def grade_distribution(archive: Archive, campaign_id: str) -> list[tuple[str, int]]:
    """Towns per grade (every grade of the vocabulary, in its order) from the standing sub-reports."""
    from generators.rules.records import standing

    counts = Counter(r.grade for r in standing(archive, SubReport, campaign_id))
    return [(k, counts[k]) for k in archive.vocabularies.get("grades", {})]


def hazard_closure(hazards: list[Hazard]) -> Closure:
    if not hazards:
        return Closure([], [], [])
    first = min(hz.discovery.date for hz in hazards)
    last = max([hz.closure.date for hz in hazards if hz.closure] + [hz.discovery.date for hz in hazards])
    months, closed, still_open = [], [], []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        end = dt.date(year + (month == 12), month % 12 + 1, 1)
        found = [hz for hz in hazards if hz.discovery.date < end]
        done = sum(1 for hz in found if hz.closure and hz.closure.date < end)
        months.append(f"{year}-{month:02d}")
        closed.append(done)
        still_open.append(len(found) - done)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return Closure(months, closed, still_open)


# ---------------------------------------------------------------------------------------------
# Drawing. ``figure=False`` gives the bare SVG document (print); ``font`` a font-family list.


def _svg(title: str, desc: str, inner: str, font: str | None) -> str:
    family = f' font-family="{esc(font)}"' if font else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}"'
            + (f' width="{WIDTH}" height="{HEIGHT}"' if font else "") + family
            + f' role="img" aria-label="{esc(title)}"><title>{esc(title)}</title><desc>{esc(desc)}</desc>'
            f"{inner}</svg>")


def _frame(title: str, desc: str, inner: str, figure: bool, font: str | None) -> str:
    svg = _svg(title, desc, inner, font)
    return f'<figure class="zz-chart">{svg}<figcaption>{esc(title)}</figcaption></figure>' if figure else svg


def _axes(maximum: float) -> tuple[str, float]:
    """Y axis with 0 and the maximum; returns (svg, pixels per unit)."""
    top = max(maximum, 1)
    if top == int(top) and int(top) % 2:
        top += 1  # a whole-number midpoint for counts
    plot = HEIGHT - TOP - BOTTOM
    scale = plot / top
    svg = [f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" stroke="#555"/>']
    for value in sorted({0, top / 2, top}):
        y = HEIGHT - BOTTOM - value * scale
        label = f"{value:g}" if value == int(value) else f"{value:.1f}"
        svg.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#ddd"/>')
        svg.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{label}</text>')
    return "".join(svg), scale


def _x_labels(labels: list[str], step_px: float, offset: float) -> str:
    every = max(1, -(-len(labels) // 6))  # at most about six labels fit (Chinese months are long)
    out = []
    for i, label in enumerate(labels):
        if i % every == 0:
            x = LEFT + offset + i * step_px
            out.append(f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
                       f'font-size="11">{esc(label)}</text>')
    return "".join(out)


def line_chart(title: str, labels: list[str], values: list[float], unit: str, *, figure: bool = True,
               font: str | None = None) -> str:
    if not labels:
        return ""
    axes, scale = _axes(max(values))
    step = (WIDTH - LEFT - RIGHT) / max(len(labels), 1)
    points = [(LEFT + step / 2 + i * step, HEIGHT - BOTTOM - v * scale) for i, v in enumerate(values)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{COLOURS[0]}"><title>{esc(lab)}: {v:g} '
                   f"{esc(unit)}</title></circle>" for (x, y), lab, v in zip(points, labels, values, strict=True))
    desc = "; ".join(f"{lab}: {v:g}" for lab, v in zip(labels, values, strict=True))
    inner = (axes + f'<polyline fill="none" stroke="{COLOURS[0]}" stroke-width="2" points="{path}"/>' + dots
             + _x_labels(labels, step, step / 2))
    return _frame(title, desc, inner, figure, font)


def stacked_bars(title: str, labels: list[str], series: list[tuple[str, list[float]]], *, figure: bool = True,
                 font: str | None = None) -> str:
    """Bars per label stacked from ``series`` (name, values), with a legend."""
    if not labels:
        return ""
    totals = [sum(values[i] for _, values in series) for i in range(len(labels))]
    axes, scale = _axes(max(totals))
    step = (WIDTH - LEFT - RIGHT) / len(labels)
    width = max(step * 0.7, 1)
    bars = []
    for i, label in enumerate(labels):
        base = HEIGHT - BOTTOM
        for (name, values), colour in zip(series, COLOURS, strict=False):
            height = values[i] * scale
            x = LEFT + i * step + (step - width) / 2
            bars.append(f'<rect x="{x:.1f}" y="{base - height:.1f}" width="{width:.1f}" height="{height:.1f}" '
                        f'fill="{colour}"><title>{esc(label)} {esc(name)}: {values[i]:g}</title></rect>')
            base -= height
    legend = "" if len(series) == 1 else "".join(
        f'<rect x="{LEFT + k * 140}" y="6" width="10" height="10" fill="{colour}"/>'
        f'<text x="{LEFT + k * 140 + 14}" y="15" font-size="11">{esc(name)}</text>'
        for k, ((name, _), colour) in enumerate(zip(series, COLOURS, strict=False))
    )
    desc = "; ".join(f"{label}: " + ", ".join(f"{name} {values[i]:g}".lstrip() for name, values in series)
                     for i, label in enumerate(labels))
    return _frame(title, desc, axes + "".join(bars) + legend + _x_labels(labels, step, step / 2), figure, font)


def bars(title: str, labels: list[str], values: list[float], *, figure: bool = True, font: str | None = None) -> str:
    return stacked_bars(title, labels, [("", values)], figure=figure, font=font)
