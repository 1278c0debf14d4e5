"""Monthly work-safety accident figures 2019–2022 by town and domain, plus one later revision.

Deliberate cases for the statistics code: zero months everywhere, one town that falls to zero in
2022 (−100%), one town × domain whose 2021 equals its 2020 (持平), one whose 2019 base is zero (—).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from generators.example.context import Ctx, D, t
from generators.example.people import TOWNS
from generators.records.yamlout import Flow

YEARS = (2019, 2020, 2021, 2022)
TAKEN_ON = {
    2019: D(2020, 1, 15),
    2020: D(2021, 1, 15),
    2021: D(2022, 1, 14),
    2022: D(2023, 1, 10),
    2023: D(2024, 1, 12),
}
LATER_YEAR = 2023  # for the year-on-year view of the 2023 gas campaign; drawn last so earlier draws stay put
REVISED_ON = D(2023, 3, 1)
RATE = {"road": 0.9, "fire-safety": 0.35, "construction": 0.18, "hazchem": 0.08, "transport-other": 0.1, "parks": 0.12}
TREND = {2019: 1.0, 2020: 0.85, 2021: 0.7, 2022: 0.55, 2023: 0.5}
ZERO_TOWN = "haiyong"  # no accident at all in 2022
FLAT = ("sanxing", "fire-safety")  # 2021 repeats 2020 month by month
ZERO_BASE = ("binjiang-jd", "construction")  # none in 2019, some in 2020


def domains_of(town: str) -> list[str]:
    extra = (
        "hazchem"
        if town in ("kaifaqu", "gangxinqu", "linjiang")
        else "transport-other"
        if town in ("haiyong", "sanchang-jd", "binjiang-jd")
        else "parks"
    )
    return ["road", "fire-safety", "construction", extra]


@dataclass
class Figures:
    count: int
    deaths: int
    loss: Decimal


def _poisson(rng, lam: float) -> int:
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _month(rng, lam: float) -> Figures:
    count = _poisson(rng, lam)
    deaths = sum(rng.random() < 0.2 for _ in range(count))
    loss = sum((Decimal(rng.randint(5, 300)) / 10 for _ in range(count)), Decimal(0))
    return Figures(count, deaths, loss + Decimal(deaths) * 80)


def make_accidents(ctx: Ctx) -> dict[tuple[int, str, str, int], Figures]:
    """(year, town, domain, month) → figures as first taken."""
    rng = ctx.rng
    table: dict[tuple[int, str, str, int], Figures] = {}
    for year in YEARS:
        for town in TOWNS:
            for domain in domains_of(town):
                for month in range(1, 13):
                    value = _month(rng, RATE[domain] * TREND[year])
                    if (town == ZERO_TOWN and year == 2022) or ((town, domain) == ZERO_BASE and year == 2019):
                        value = Figures(0, 0, Decimal(0))
                    if (town, domain) == FLAT and year == 2021:
                        value = table[(2020, town, domain, month)]
                    table[(year, town, domain, month)] = value
    if not any(table[(2020, *ZERO_BASE, m)].count for m in range(1, 13)):
        table[(2020, *ZERO_BASE, 6)] = Figures(1, 0, Decimal("12.5"))
    return table


def _row(year: int, town: str, domain: str, month: int, f: Figures) -> Flow:
    return Flow(period=f"{year}-{month:02d}", town=town, domain=domain, count=f.count, deaths=f.deaths, loss=f.loss)


REVISIONS = [  # (year, town, domain, month, new figures): late reports corrected after the first count
    (2022, "changle", "road", 11, Figures(2, 1, Decimal("96.4"))),
    (2022, "kaifaqu", "hazchem", 8, Figures(1, 0, Decimal("35.0"))),
    (2022, "sijia", "construction", 12, Figures(1, 1, Decimal("118.0"))),
]


def write_accidents(ctx: Ctx, table: dict) -> None:
    for town in TOWNS:
        for domain in domains_of(town):
            for month in range(1, 13):
                table[(LATER_YEAR, town, domain, month)] = _month(ctx.rng, RATE[domain] * TREND[LATER_YEAR])
    for year in (*YEARS, LATER_YEAR):
        rows = [
            _row(year, town, domain, month, table[(year, town, domain, month)])
            for town in TOWNS
            for domain in domains_of(town)
            for month in range(1, 13)
        ]
        ctx.add(
            f"accidents/{year}.yml",
            "accident-statistics",
            {
                "type": "accident-statistics",
                "id": f"accidents-{year}",
                "title": t(
                    f"{year}年全区生产安全事故统计（按月、区镇、行业领域）",
                    f"Work-safety accidents {year} by month, town and domain",
                ),
                "taken_on": TAKEN_ON[year],
                "source": t(
                    "区应急管理局生产安全事故统计直报系统（虚构示例数据）",
                    "Emergency Management Bureau accident reporting system (invented example data)",
                ),
                "rows": rows,
            },
            f"accident figures {year}, as taken on {TAKEN_ON[year]}",
        )
    ctx.add(
        "accidents/2022-revised.yml",
        "accident-statistics",
        {
            "type": "accident-statistics",
            "id": "accidents-2022-revised",
            "title": t(
                "2022年生产安全事故统计数据修订（补报核实）",
                "Revision of the 2022 accident figures (late reports verified)",
            ),
            "taken_on": REVISED_ON,
            "source": t(
                "区应急管理局事故补报核查（虚构示例数据）；仅列出修订的行，其余以首次统计为准",
                "Emergency Management Bureau verification of late reports (invented example data); "
                "only revised rows are listed, the rest stand as first taken",
            ),
            "rows": [_row(*key, figures) for *key, figures in REVISIONS],
        },
        "revised 2022 rows (later taken_on wins)",
    )


def town_totals(table: dict, town: str, year: int) -> Figures:
    items = [table[(year, town, d, m)] for d in domains_of(town) for m in range(1, 13)]
    return Figures(sum(f.count for f in items), sum(f.deaths for f in items), sum((f.loss for f in items), Decimal(0)))


def district_totals(table: dict, year: int) -> Figures:
    items = [town_totals(table, town, year) for town in TOWNS]
    return Figures(sum(f.count for f in items), sum(f.deaths for f in items), sum((f.loss for f in items), Decimal(0)))


def change(current: Decimal | int, base: Decimal | int, lang: str) -> str:
    """Year-on-year as the reports word it (one decimal, half up; zero base and flat named)."""
    from generators.present import round_half_up

    if base == 0:
        return (
            ("上年同期为零" if current else "与上年同期均为零，持平")
            if lang == "zh"
            else ("zero in the same period last year" if current else "zero in both years (flat)")
        )
    if current == base:
        return "持平" if lang == "zh" else "flat"
    pct = round_half_up(Decimal(abs(current - base)) * 100 / Decimal(base), 1)
    if lang == "zh":
        return f"{'下降' if current < base else '上升'}{pct}%"
    return f"{'down' if current < base else 'up'} {pct}%"
