"""Statistics of art. 5: every edge case of a change, periods, revised accident figures, hazard and task rates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generators.rules.check import check_statistics
from generators.rules.statistics import (
    Period,
    Rate,
    accident_breakdown,
    accidents,
    by_domain,
    by_town,
    change,
    conflicting_records,
    duplicate_rows,
    hazard_figures,
    period_on_period,
    rate_change,
    task_completion,
    year_on_year,
)
from tests.rules_fixture import AS_OF, build, edit, files

# (current, base, kind, zh, en)
CHANGES = [
    (9, 8, "pct", "+12.5%", "+12.5%"),
    (2, 3, "pct", "−33.3%", "−33.3%"),
    (1, 3, "pct", "−66.7%", "−66.7%"),  # −66.666… rounds away from zero
    (401, 400, "pct", "+0.3%", "+0.3%"),  # +0.25 exactly: half up, not banker's (+0.2)
    (399, 400, "pct", "−0.3%", "−0.3%"),  # −0.25: half away from zero
    (99999, 100000, "pct", "−0.0%", "−0.0%"),  # a fall too small to show keeps its sign
    (Decimal("12.5"), Decimal("10.0"), "pct", "+25.0%", "+25.0%"),
    (0, 5, "drop-to-zero", "−100.0%", "−100.0%"),
    (3, 0, "zero-base", "—*", "—*"),
    (0, 0, "flat", "持平", "flat"),
    (7, 7, "flat", "持平", "flat"),
]


@pytest.mark.parametrize(("current", "base", "kind", "zh", "en"), CHANGES)
def test_change(current, base, kind, zh, en):
    result = change(current, base)
    assert (result.kind, result.text("zh"), result.text("en")) == (kind, zh, en)
    if kind == "zero-base":
        assert result.footnote("zh") == "基数为零，无法计算增减幅度"
        assert "zero" in result.footnote("en")
        assert result.text("en", footnote_marker="[^1]") == "—[^1]"
    else:
        assert result.footnote("en") is None


# (current rate, base rate, kind, zh, en)
RATE_CHANGES = [
    (Rate(6, 7), Rate(4, 5), "points", "+5.7 个百分点", "+5.7 percentage points"),  # 85.7 − 80.0
    (Rate(4, 5), Rate(6, 7), "points", "−5.7 个百分点", "−5.7 percentage points"),
    # 85.65 → 85.7 and 80.04 → 80.0 as printed: 5.7 points (not 5.61 → 5.6), so the page adds up by hand
    (Rate(1713, 2000), Rate(8004, 10000), "points", "+5.7 个百分点", "+5.7 percentage points"),
    (Rate(1, 2), Rate(2, 4), "flat", "持平", "flat"),
    (Rate(1, 2), Rate(0, 0), "zero-base", "—*", "—*"),
]


@pytest.mark.parametrize(("current", "base", "kind", "zh", "en"), RATE_CHANGES)
def test_rate_change_in_percentage_points(current, base, kind, zh, en):
    result = rate_change(current, base)
    assert (result.kind, result.text("zh"), result.text("en")) == (kind, zh, en)


@pytest.mark.parametrize(("rate", "text"), [
    (Rate(6, 7), "85.7%"), (Rate(1, 8), "12.5%"), (Rate(1, 16), "6.3%"), (Rate(0, 3), "0.0%"), (Rate(3, 3), "100.0%"),
    (Rate(0, 0), "—"),
])
def test_rate_text(rate, text):
    assert rate.text("zh") == rate.text("en") == text


@pytest.mark.parametrize(("text", "months", "year_before", "previous", "zh", "en"), [
    ("2023", 12, "2022", "2022", "2023年", "2023"),
    ("2023-Q1", 3, "2022-Q1", "2022-Q4", "2023年第1季度", "Q1 2023"),
    ("2023-03", 1, "2022-03", "2023-02", "2023年3月", "March 2023"),
    ("2023-01", 1, "2022-01", "2022-12", "2023年1月", "January 2023"),
    ("2022-04..2023-03", 12, "2021-04..2022-03", "2021-04..2022-03", "2022年4月—2023年3月", "April 2022 – March 2023"),
])
def test_periods(text, months, year_before, previous, zh, en):
    period = Period.parse(text)
    assert period.length == months == len(period.months())
    assert period.year_before() == Period.parse(year_before)
    assert period.previous() == Period.parse(previous)
    assert (period.label("zh"), period.label("en")) == (zh, en)


def test_a_bad_period_is_refused():
    with pytest.raises(ValueError, match="not a period"):
        Period.parse("2023-13x")


STATS_2023 = """
type: accident-statistics
id: acc-2023
title: {zh: 2023年事故统计}
taken_on: 2024-01-10
source: {zh: 区应急管理局}
rows:
  - {period: 2023-01, town: sanxing, domain: hazchem, count: 2, deaths: 1, loss: 30.5}
  - {period: 2023-02, town: sanxing, domain: fire-safety, count: 1, deaths: 0, loss: 4}
  - {period: 2023-04, town: changle, domain: hazchem, count: 1, deaths: 0, loss: 2.25}
"""
STATS_2023_REVISED = """
type: accident-statistics
id: acc-2023-rev
title: {zh: 2023年事故统计（核定）}
taken_on: 2024-03-01
source: {zh: 区应急管理局}
rows:
  - {period: 2023-01, town: sanxing, domain: hazchem, count: 3, deaths: 1, loss: 31}
"""
STATS_2022 = """
type: accident-statistics
id: acc-2022
title: {zh: 2022年事故统计}
taken_on: 2023-01-10
source: {zh: 区应急管理局}
rows:
  - {period: 2022-01, town: sanxing, domain: hazchem, count: 4, deaths: 0, loss: 10}
  - {period: 2022-03, town: changle, domain: fire-safety, count: 2, deaths: 1, loss: 20}
  - {period: 2022-12, town: changle, domain: hazchem, count: 1, deaths: 0, loss: 1}
"""


def _zero_rows(year: int) -> str:
    """A zero row for every month (Haimen sub-district, road): every month is reported."""
    return "".join(f"  - {{period: {year}-{m:02d}, town: haimen-jd, domain: road, count: 0, deaths: 0, loss: 0}}\n"
                   for m in range(1, 13))


STATS_2022 += _zero_rows(2022)
STATS_2023 += _zero_rows(2023)


@pytest.fixture
def stats_archive(tmp_path):
    return build(tmp_path, files(acc_2023_yml=STATS_2023, acc_2023_rev_yml=STATS_2023_REVISED,
                                 acc_2022_yml=STATS_2022))


def test_revised_figures_replace_the_earlier_ones(stats_archive):
    q1 = accidents(stats_archive, Period.parse("2023-Q1"))
    assert (q1.count, q1.deaths, q1.loss) == (4, 1, Decimal(35))  # 3 (revised) + 1; 31 + 4


def test_year_on_year_and_period_on_period_by_town_and_domain(stats_archive):
    q1 = Period.parse("2023-Q1")
    yoy = year_on_year(stats_archive, q1)  # 2022-Q1: count 6, deaths 1, loss 30
    assert (yoy.base.count, yoy.base.deaths, yoy.base.loss) == (6, 1, Decimal(30))
    assert [yoy.changes[m].text("zh") for m in ("count", "deaths", "loss")] == ["−33.3%", "持平", "+16.7%"]
    pop = period_on_period(stats_archive, q1)  # 2022-Q4: count 1, deaths 0, loss 1
    assert pop.base_period == Period.parse("2022-Q4")
    assert [pop.changes[m].text("en") for m in ("count", "deaths", "loss")] == ["+300.0%", "—*", "+3400.0%"]
    sanxing = year_on_year(stats_archive, q1, town="sanxing")  # 4/1/35 against 4/0/10
    assert [sanxing.changes[m].kind for m in ("count", "deaths", "loss")] == ["flat", "zero-base", "pct"]
    changle = year_on_year(stats_archive, q1, town="changle")  # 0/0/0 against 2/1/20
    assert [changle.changes[m].text("zh") for m in ("count", "deaths", "loss")] == ["−100.0%"] * 3
    fire = year_on_year(stats_archive, Period.parse("2023-02"), domain="fire-safety")  # 1 against 0
    assert fire.changes["count"].text("zh") == "—*"
    hazchem_year = year_on_year(stats_archive, Period.parse("2023"), domain="hazchem")  # 4/1/33.25 vs 5/0/11
    assert (hazchem_year.current.count, hazchem_year.current.loss) == (4, Decimal("33.25"))
    assert hazchem_year.changes["count"].text("en") == "−20.0%"
    assert hazchem_year.changes["loss"].text("en") == "+202.3%"  # 22.25 / 11 = 202.27…


def test_breakdown_by_town_and_domain(stats_archive):
    towns = accident_breakdown(stats_archive, Period.parse("2023-Q1"), "town", ["sanxing", "changle"])
    assert {k: v.changes["count"].text("en") for k, v in towns.items()} == {"sanxing": "flat", "changle": "−100.0%"}
    domains = accident_breakdown(stats_archive, Period.parse("2023-Q1"), "domain", ["hazchem", "fire-safety"],
                                 year=False)
    # against 2022-Q4: hazchem 3 vs 1 (changle, December); fire-safety 1 vs 0
    assert {k: v.changes["count"].text("en") for k, v in domains.items()} == {"hazchem": "+200.0%",
                                                                              "fire-safety": "—*"}


def test_accident_record_faults(tmp_path):
    twice = STATS_2022 + "  - {period: 2022-01, town: sanxing, domain: hazchem, count: 5, deaths: 0, loss: 10}\n"
    same_day = STATS_2023_REVISED.replace("2024-03-01", "2024-01-10")
    archive = build(tmp_path, files(acc_2022_yml=twice, acc_2023_yml=STATS_2023, acc_2023_rev_yml=same_day))
    assert duplicate_rows(archive) == [("acc-2022", 0, 15)]
    assert conflicting_records(archive) == [("acc-2023-rev", "acc-2023", ("2023-01", "sanxing", "hazchem"))]
    found = [(d.code, d.location.path.rsplit("/", 1)[-1], d.location.line) for d in check_statistics(archive)]
    assert found == [("E250", "acc-2022.yml", 22), ("E251", "acc-2023-rev.yml", 7)]


def test_hazard_rates(tmp_path):
    archive = build(tmp_path, files())
    figures = hazard_figures(archive, AS_OF, "c1")
    assert (figures.total, figures.rectified, figures.major_total, figures.major_closed, figures.overdue) == (
        2, 1, 1, 0, ("h-changle-1",))
    assert (figures.rectification_rate.text("zh"), figures.major_closure_rate.text("zh")) == ("50.0%", "0.0%")
    # acceptance passed on 4/20 counts as rectified before the closure of 4/25; h-changle-1 found 5/1 not yet
    early = hazard_figures(archive, dt.date(2023, 4, 22), "c1")
    assert (early.total, early.rectified, early.overdue) == (1, 1, ())
    assert hazard_figures(archive, AS_OF, "c1", town="sanxing").rectification_rate.text("en") == "100.0%"
    assert hazard_figures(archive, AS_OF, "c1", domain="fire-safety").overdue == ("h-changle-1",)
    assert hazard_figures(archive, AS_OF, "c1", domain="road").rectification_rate.text("en") == "—"


def test_an_approved_hazard_extension_moves_its_deadline(tmp_path):
    extended = edit("hazards.yml", "  deadline: 2023-08-31\n",
                    "  deadline: 2023-08-31\n  extensions:\n    - {requested_on: 2023-08-20, old_deadline: 2023-08-31,"
                    " new_deadline: 2023-10-31, reason: {zh: 设备采购}, approved_by: emergency,"
                    " approved_on: 2023-08-25}\n")
    archive = build(tmp_path, files(hazards_yml=extended))
    assert hazard_figures(archive, dt.date(2023, 9, 30), "c1").overdue == ()
    assert hazard_figures(archive, dt.date(2023, 11, 1), "c1").overdue == ("h-changle-1",)


def test_target_task_completion(tmp_path):
    archive = build(tmp_path, files())
    assert task_completion(archive, "c1").text("zh") == "75.0%"  # 3 of 4 list items done
    towns = by_town(archive, "c1", AS_OF)
    assert {town: rate.text("en") for town, (_, rate) in towns.items()} == {"sanxing": "100.0%", "changle": "50.0%"}
    domains = by_domain(archive, "c1", AS_OF)
    assert domains["hazchem"][1].text("en") == "50.0%"  # task c1-t2: done in sanxing, partial in changle
    assert domains["fire-safety"][1].text("en") == "—"


def test_months_nobody_reported_are_no_data_not_zero(stats_archive):
    """Nothing is recorded for 2021: its months are unreported, not zero months."""
    march = year_on_year(stats_archive, Period.parse("2022-03"))  # 2022-03 has rows, 2021-03 none
    assert march.missing_months == ("2021-03",) and not march.complete
    assert [march.changes[m].text("zh") for m in ("count", "deaths", "loss")] == ["无数据"] * 3
    assert march.changes["count"].text("en") == "no data"
    assert period_on_period(stats_archive, Period.parse("2022-03")).complete  # February 2022 is reported


def test_a_campaign_without_accident_figures_is_warned(tmp_path):
    archive = build(tmp_path, files(acc_2023_yml=STATS_2023))  # the campaign's 2023 against a 2022 nobody reported
    found = [(d.code, d.location.path.rsplit("/", 1)[-1], d.location.line) for d in check_statistics(archive)]
    assert found == [("W252", "campaign.yml", 4)]
    assert "12 months" in check_statistics(archive)[0].message("en")
    assert "2022-01..2022-12" in check_statistics(archive)[0].message("en")
