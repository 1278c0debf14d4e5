"""Charts drawn at build time as inline SVG: readable without JavaScript, labelled in the page's
language, with <title>/<desc> for screen readers. No chart library, nothing fetched."""

from __future__ import annotations

from generators.site.html import esc

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 28, 48
COLOURS = ("#1565c0", "#9e9e9e", "#c62828", "#2e7d32", "#ef6c00")


def _frame(title: str, desc: str, inner: str) -> str:
    return (f'<figure class="zz-chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'role="img" aria-label="{esc(title)}"><title>{esc(title)}</title><desc>{esc(desc)}</desc>'
            f"{inner}</svg><figcaption>{esc(title)}</figcaption></figure>")


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


def line_chart(title: str, labels: list[str], values: list[float], unit: str) -> str:
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
    return _frame(title, desc, inner)


def stacked_bars(title: str, labels: list[str], series: list[tuple[str, list[float]]]) -> str:
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
    desc = "; ".join(f"{label}: " + ", ".join(f"{name} {values[i]:g}" for name, values in series)
                     for i, label in enumerate(labels))
    return _frame(title, desc, axes + "".join(bars) + legend + _x_labels(labels, step, step / 2))


def bars(title: str, labels: list[str], values: list[float]) -> str:
    return stacked_bars(title, labels, [("", values)])
