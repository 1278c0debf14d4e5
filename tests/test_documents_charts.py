"""Charts in the printed reports: the site's series and drawing (generators.charts), printed as
numbered figures in the overall report and the comprehensive review, in the PDF as vector
drawing with its text kept as text, in Word as a picture."""

from __future__ import annotations

import re
import subprocess

import docx
import pytest
from documents_helpers import ARTIFACTS, open_pdf

from generators import charts, present
from generators.documents.catalog import documents
from generators.records.model import Campaign, SubReport
from generators.rules import statistics as st
from generators.site.i18n import t

KINDS = ("overall-report", "comprehensive-review")


@pytest.fixture(scope="module")
def reports(built):
    archive = built[0]
    built_docs = [spec.build() for spec in documents(archive) if spec.kind in KINDS]
    return {doc.kind: doc for doc in built_docs}


def _desc(svg: str) -> str:
    return re.search(r"<desc>(.*?)</desc>", svg).group(1)


def test_both_reports_print_three_charts(reports):
    for kind in KINDS:
        assert sorted(reports[kind].images) == ["chart-1.svg", "chart-2.svg", "chart-3.svg"], kind


def test_accident_chart_numbers_are_the_rules_figures(built, reports):
    archive = built[0]
    doc = reports["overall-report"]
    campaign = archive.get(archive.get(doc.record_ids[0]).campaign)
    # Independently of the series function: the figures in force, summed per month.
    per_month: dict[str, int] = {}
    for (month, _town, _domain), entry in st.accident_entries(archive).items():
        per_month[month] = per_month.get(month, 0) + entry.figures.count
    trend = charts.accident_trend(archive, campaign)
    assert trend and all(n == per_month.get(m, 0) for m, n in trend)
    assert sum(n for _, n in trend) == sum(n for m, n in per_month.items() if trend[0][0] <= m <= trend[-1][0])
    printed = _desc(doc.images["chart-1.svg"])
    assert printed == "; ".join(f"{present.format_month(m, 'zh')}: {n}" for m, n in trend)
    # The site's Chinese chart of the same campaign says the same.
    site = charts.line_chart(t("chart_accidents", "zh"), [present.format_month(m, "zh") for m, _ in trend],
                             [float(n) for _, n in trend], t("accident_count", "zh"))
    assert _desc(site) == printed


def test_grade_chart_counts_the_standing_sub_reports(built, reports):
    archive = built[0]
    doc = reports["overall-report"]
    campaign_id = archive.get(doc.record_ids[0]).campaign
    grades = [r.grade for r in archive.of_type(SubReport) if r.campaign == campaign_id and r.withdrawn is None]
    series = charts.grade_distribution(archive, campaign_id)
    assert {k: n for k, n in series if n} == {g: grades.count(g) for g in grades}
    printed = _desc(doc.images["chart-2.svg"])
    assert printed == "; ".join(f"{archive.label('grades', k, 'zh')}: {n}" for k, n in series)


def test_pdf_draws_the_charts_with_captions_and_axis_labels(built, reports):
    archive, out, _, _ = built
    doc = reports["overall-report"]
    campaign = archive.get(archive.get(doc.record_ids[0]).campaign)
    assert isinstance(campaign, Campaign)
    trend = charts.accident_trend(archive, campaign)
    pdf = open_pdf(out / f"{doc.stem}.pdf")
    pages = [i for i, page in enumerate(pdf.pages) if "图1" in (page.extract_text() or "").replace(" ", "")]
    assert len(pages) == 1
    page = pdf.pages[pages[0]]
    text = page.extract_text().replace(" ", "")
    assert "图1\u3000事故起数月度趋势（起）".replace("\u3000", "") in text.replace("\u3000", "")
    assert present.format_month(trend[0][0], "zh") in text  # the first x-axis label, kept as text
    assert "图2" in text and "优" in text and "差" in text
    # Drawn as vectors (polyline, dots, grid lines), not pasted as a picture.
    assert page.curves and page.lines and not page.images
    # Chart text uses the chart font (the 黑体 role), the caption the body font.
    chart_fonts = {c["fontname"] for c in page.chars if c["size"] < 10}
    assert chart_fonts and not any("Serif" in name for name in chart_fonts), chart_fonts
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "report-charts"
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", str(pages[0] + 1), "-l", str(pages[0] + 1),
                    "-singlefile", str(out / f"{doc.stem}.pdf"), str(target)], check=True, timeout=120)
    assert target.with_suffix(".png").stat().st_size > 10_000


def test_comprehensive_review_prints_the_charts_too(built, reports):
    _, out, _, _ = built
    doc = reports["comprehensive-review"]
    text = "".join(page.extract_text() or "" for page in open_pdf(out / f"{doc.stem}.pdf").pages)
    for caption in ("图1", "图2", "图3", "问题隐患销号进度"):
        assert caption in text.replace(" ", "")


def test_word_has_the_charts_as_pictures(built, reports):
    _, out, _, _ = built
    for kind in KINDS:
        document = docx.Document(str(out / f"{reports[kind].stem}.docx"))
        shapes = list(document.inline_shapes)
        assert len(shapes) == 3, kind
        assert all(abs(shape.width.mm - 156) < 1 for shape in shapes)
        captions = [p.text for p in document.paragraphs if p.text.startswith("图")]
        assert captions[:3] == ["图1\u3000事故起数月度趋势（起）", "图2\u3000各区镇评估等级分布（个）",
                                "图3\u3000问题隐患销号进度（个）"]
