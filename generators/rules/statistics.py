"""Statistics of art. 5: accident comparisons (4) and hazard and target-task rates (1), (2), (7).

Accidents (art. 5(4)). ``accident-statistics`` records hold monthly rows per town and domain,
each record with the date its figures were taken. Figures may be revised later, so for every
(month, town, domain) the row of the record with the latest ``taken_on`` is used (ties: the
higher record ID); a month with no row counts as zero. Periods are a month (``2023-03``), a
quarter (``2023-Q1``), a year (``2023``), a range of months (``2023-01..2023-06``) or a
campaign's months. Year-on-year compares with the same months one year earlier;
period-on-period with the equally long period just before.

Changes (docs/domain.md):

* ``pct``: (current − base) / base × 100, rounded to one decimal, half away from zero
  (:func:`generators.present.round_half_up`, 四舍五入) — never banker's rounding; the sign
  follows the unrounded change, so a tiny fall shows as "−0.0%";
* ``flat``: current equals base (also both zero) — 持平 / flat;
* ``zero-base``: base zero, current positive — "—" with a footnote, never a division error;
* ``drop-to-zero``: current zero against a positive base — −100.0%;
* ``no-data``: some month of either period has no row in any record (a record lists zero months
  as zero rows, so a month without any row is a month nobody reported) — "无数据" / "no data",
  never a fake −100%;
* ``points``: a change of a *rate*, in percentage points (个百分点), computed from the two rates
  as printed (each rounded to one decimal) so that the printed figures subtract by hand.

Rates. A hazard is *rectified* when it passed acceptance (conclusion flagged ``passed``) or was
closed (销号), on or before the date asked about; a major hazard (grade flagged ``major``) is
*closed* when its closure date is on or before that date. A hazard is *overdue* when it is not
closed by that date and its deadline — the last approved extension's new deadline, else the
original — is before it. Only hazards discovered by that date count. Target-task completion
rate: the items of the towns' self-assessment target-task lists whose status is flagged ``done``,
over all items (by town: that town's list; by domain: items whose task, or the task's plan,
belongs to the domain). A rate with nothing to count is "—".
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from generators import present
from generators.records import Archive, reads
from generators.records.model import AccidentStatistics, Campaign, Hazard, SelfAssessment
from generators.rules.records import campaign as get_campaign
from generators.rules.records import standing
from generators.words import word

MINUS = "\u2212"  # typographic minus, as printed statistics use
HUNDRED = Decimal(100)
METRICS = ("count", "deaths", "loss")
# each metric's name in the catalogue (generators/words.py)
METRIC_WORDS = {"count": "accident_count", "deaths": "deaths", "loss": "loss"}
_ENTRIES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


# ---------------------------------------------------------------------------------------------
# Changes


@dataclass(frozen=True)
class Change:
    kind: str  # pct | flat | zero-base | drop-to-zero | points | no-data
    value: Decimal | None  # rounded percent or points; 0 for flat; None for zero-base
    current: Decimal
    base: Decimal
    rising: bool | None = None  # sign of the unrounded change (None when flat or zero-base)

    def text(self, lang: str, footnote_marker: str = "*") -> str:
        if self.kind == "flat":
            return word("change.flat", lang)
        if self.kind == "zero-base":
            return "—" + footnote_marker
        if self.kind == "no-data":
            return word("no_data", lang)
        sign = "+" if self.rising else MINUS
        number = f"{sign}{abs(self.value):.1f}"
        if self.kind == "points":
            return word("change.points", lang, number=number)
        return f"{number}%"

    def footnote(self, lang: str) -> str | None:
        """The footnote a "—" needs (zero base), else None."""
        if self.kind != "zero-base":
            return None
        return word("change.zero_base", lang)


def change(current: Decimal | int, base: Decimal | int) -> Change:
    """The change of a count or amount from ``base`` to ``current``."""
    current, base = Decimal(current), Decimal(base)
    if current == base:
        return Change("flat", Decimal(0), current, base)
    if base == 0:
        return Change("zero-base", None, current, base)
    if current == 0:
        return Change("drop-to-zero", Decimal("-100.0"), current, base, rising=False)
    value = present.round_half_up((current - base) / base * HUNDRED, 1)
    return Change("pct", value, current, base, rising=current > base)


def rate_change(current: Rate, base: Rate) -> Change:
    """The change of a rate in percentage points, from the rates as printed (one decimal)."""
    if current.rounded is None or base.rounded is None:
        return Change("zero-base", None, current.rounded or Decimal(0), base.rounded or Decimal(0))
    if current.rounded == base.rounded:
        return Change("flat", Decimal(0), current.rounded, base.rounded)
    return Change("points", current.rounded - base.rounded, current.rounded, base.rounded,
                  rising=current.rounded > base.rounded)


# ---------------------------------------------------------------------------------------------
# Rates


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def value(self) -> Decimal | None:
        """Unrounded percentage, or None when there is nothing to count."""
        if self.denominator == 0:
            return None
        return Decimal(self.numerator) / Decimal(self.denominator) * HUNDRED

    @property
    def rounded(self) -> Decimal | None:
        return None if self.value is None else present.round_half_up(self.value, 1)

    def text(self, lang: str) -> str:
        return "—" if self.rounded is None else f"{self.rounded:.1f}%"


# ---------------------------------------------------------------------------------------------
# Periods


@dataclass(frozen=True, order=True)
class Period:
    """Whole months ``first``..``last`` inclusive, as (year, month)."""

    first: tuple[int, int]
    last: tuple[int, int]

    @classmethod
    def parse(cls, text: str) -> Period:
        if m := re.fullmatch(r"(\d{4})", text):
            year = int(m[1])
            return cls((year, 1), (year, 12))
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", text):
            year, quarter = int(m[1]), int(m[2])
            return cls((year, quarter * 3 - 2), (year, quarter * 3))
        if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
            return cls((int(m[1]), int(m[2])), (int(m[1]), int(m[2])))
        if m := re.fullmatch(r"(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})", text):
            return cls((int(m[1]), int(m[2])), (int(m[3]), int(m[4])))
        raise ValueError(f"not a period: {text!r} (use 2023, 2023-Q1, 2023-03 or 2023-01..2023-06)")

    @classmethod
    def of_campaign(cls, campaign: Campaign) -> Period:
        return cls((campaign.start.year, campaign.start.month), (campaign.end.year, campaign.end.month))

    @property
    def length(self) -> int:
        return _index(self.last) - _index(self.first) + 1

    def months(self) -> list[str]:
        return [_month(i) for i in range(_index(self.first), _index(self.last) + 1)]

    def shifted(self, months: int) -> Period:
        return Period(_from_index(_index(self.first) + months), _from_index(_index(self.last) + months))

    def year_before(self) -> Period:
        return self.shifted(-12)

    def previous(self) -> Period:
        return self.shifted(-self.length)

    def label(self, lang: str) -> str:
        (y1, m1), (y2, m2) = self.first, self.last
        if (m1, m2) == (1, 12) and y1 == y2:
            return word("period.year", lang, year=y1)
        if y1 == y2 and m1 % 3 == 1 and m2 == m1 + 2:
            quarter = m2 // 3
            return word("period.quarter", lang, year=y1, quarter=quarter)
        start = present.format_month(_month(_index(self.first)), lang)
        if self.length == 1:
            return start
        end = present.format_month(_month(_index(self.last)), lang)
        return word("period.range", lang, start=start, end=end)


def _index(month: tuple[int, int]) -> int:
    return month[0] * 12 + month[1] - 1


def _from_index(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def _month(index: int) -> str:
    year, month = _from_index(index)
    return f"{year:04d}-{month:02d}"


# ---------------------------------------------------------------------------------------------
# Accidents


@dataclass(frozen=True)
class Figures:
    count: int = 0
    deaths: int = 0
    loss: Decimal = Decimal(0)  # 万元

    def __add__(self, other: Figures) -> Figures:
        return Figures(self.count + other.count, self.deaths + other.deaths, self.loss + other.loss)

    def get(self, metric: str) -> Decimal:
        return Decimal(getattr(self, metric))


@dataclass(frozen=True)
class AccidentEntry:
    figures: Figures
    source: str  # the accident-statistics record the figures come from
    taken_on: dt.date
    row: int  # index of the row in that record


@dataclass(frozen=True)
class Comparison:
    current_period: Period
    base_period: Period
    current: Figures
    base: Figures
    changes: dict[str, Change] = field(default_factory=dict)  # metric → change
    missing_months: tuple[str, ...] = ()  # months of either period no record reports

    @property
    def complete(self) -> bool:
        return not self.missing_months


def accident_entries(archive: Archive) -> dict[tuple[str, str, str], AccidentEntry]:
    """(month, town, domain) → the latest figures taken (see the module's doc); built once per archive."""
    # Replayed: a page showing figures depends on the statistics records they came from.
    return reads.replayed(_ENTRIES.setdefault(archive, {}), (), lambda: _accident_entries(archive))


def _accident_entries(archive: Archive) -> dict[tuple[str, str, str], AccidentEntry]:
    out: dict[tuple[str, str, str], AccidentEntry] = {}
    for record in archive.of_type(AccidentStatistics):  # ID order, so the higher ID wins a tie
        for index, row in enumerate(record.rows):
            key = (row.period, row.town, row.domain)
            entry = AccidentEntry(Figures(row.count, row.deaths, row.loss), record.id, record.taken_on, index)
            if key not in out or record.taken_on >= out[key].taken_on:
                out[key] = entry
    return out


def accidents(archive: Archive, period: Period, town: str | None = None, domain: str | None = None) -> Figures:
    months = set(period.months())
    total = Figures()
    for (month, row_town, row_domain), entry in sorted(accident_entries(archive).items()):
        if month in months and town in (None, row_town) and domain in (None, row_domain):
            total += entry.figures
    return total


def compare(archive: Archive, period: Period, base_period: Period, town: str | None = None,
            domain: str | None = None) -> Comparison:
    current = accidents(archive, period, town, domain)
    base = accidents(archive, base_period, town, domain)
    covered = reported_months(archive)
    missing = tuple(sorted(m for m in {*period.months(), *base_period.months()} if m not in covered))
    if missing:
        changes = {metric: Change("no-data", None, current.get(metric), base.get(metric)) for metric in METRICS}
    else:
        changes = {metric: change(current.get(metric), base.get(metric)) for metric in METRICS}
    return Comparison(period, base_period, current, base, changes, missing)


def reported_months(archive: Archive) -> frozenset[str]:
    """Months for which some accident-statistics record has a row (zero rows included)."""
    return frozenset(month for month, _, _ in accident_entries(archive))


def year_on_year(archive: Archive, period: Period, town: str | None = None, domain: str | None = None) -> Comparison:
    return compare(archive, period, period.year_before(), town, domain)


def period_on_period(archive: Archive, period: Period, town: str | None = None,
                     domain: str | None = None) -> Comparison:
    return compare(archive, period, period.previous(), town, domain)


def accident_breakdown(archive: Archive, period: Period, by: str, keys: list[str],
                       year: bool = True) -> dict[str, Comparison]:
    """Year-on-year (or period-on-period) comparison per town (``by="town"``) or domain."""
    compare_with = year_on_year if year else period_on_period
    return {key: compare_with(archive, period, **{by: key}) for key in keys}


# ---------------------------------------------------------------------------------------------
# Hazards and target tasks


@dataclass(frozen=True)
class HazardFigures:
    total: int
    rectified: int
    major_total: int
    major_closed: int
    overdue: tuple[str, ...]  # IDs of overdue hazards

    @property
    def rectification_rate(self) -> Rate:
        return Rate(self.rectified, self.total)

    @property
    def major_closure_rate(self) -> Rate:
        return Rate(self.major_closed, self.major_total)


def effective_deadline(hazard: Hazard) -> dt.date:
    if not hazard.extensions:
        return hazard.deadline
    return max(hazard.extensions, key=lambda e: (e.approved_on, e.new_deadline)).new_deadline


def is_closed(hazard: Hazard, as_of: dt.date | None = None) -> bool:
    """Closed (销号) by ``as_of`` (None: as the record stands)."""
    return hazard.closure is not None and (as_of is None or hazard.closure.date <= as_of)


def passed_acceptance(archive: Archive, hazard: Hazard, as_of: dt.date | None = None) -> bool:
    """Accepted with a conclusion flagged "passed" by ``as_of`` (None: as the record stands)."""
    return (hazard.acceptance is not None and (as_of is None or hazard.acceptance.date <= as_of)
            and archive.has_flag("acceptance-conclusions", hazard.acceptance.conclusion, "passed"))


def hazard_status(archive: Archive, hazard: Hazard) -> str:
    """The dossier's status, a key of the hazard-statuses vocabulary, shown by the site and the
    printed dossiers and lists alike: "rectified" is what the rectification rate counts (closed,
    or passed acceptance); any progress, acceptance or extension is "rectifying"; else not
    started."""
    if is_closed(hazard) or passed_acceptance(archive, hazard):
        return "rectified"
    if hazard.progress or hazard.acceptance or hazard.extensions:
        return "rectifying"
    return "not-started"


def hazard_figures(archive: Archive, as_of: dt.date, campaign: str | None = None, town: str | None = None,
                   domain: str | None = None) -> HazardFigures:
    total = rectified = major_total = major_closed = 0
    overdue = []
    for hazard in standing(archive, Hazard, campaign):
        if hazard.discovery.date > as_of or town not in (None, hazard.town) or domain not in (None, hazard.domain):
            continue
        closed, passed = is_closed(hazard, as_of), passed_acceptance(archive, hazard, as_of)
        total += 1
        rectified += closed or passed
        if archive.has_flag("hazard-grades", hazard.grade, "major"):
            major_total += 1
            major_closed += closed
        if not closed and effective_deadline(hazard) < as_of:
            overdue.append(hazard.id)
    return HazardFigures(total, rectified, major_total, major_closed, tuple(overdue))


def task_completion(archive: Archive, campaign_id: str, town: str | None = None,
                    domain: str | None = None) -> Rate:
    done = total = 0
    for record in standing(archive, SelfAssessment, campaign_id):
        if town not in (None, record.town):
            continue
        for item in record.target_task_list:
            if domain is not None and _task_domain(archive, item.task) != domain:
                continue
            total += 1
            done += archive.has_flag("task-statuses", item.status, "done")
    return Rate(done, total)


def _task_domain(archive: Archive, task_id: str) -> str | None:
    nested = archive.nested.get(task_id)
    if nested is None:
        return None
    task = nested.model
    if getattr(task, "domain", None):
        return task.domain
    plan = archive.nested.get(getattr(task, "plan", ""))
    return getattr(plan.model, "domain", None) if plan else None


# ---------------------------------------------------------------------------------------------
# Headline figures of a campaign


@dataclass(frozen=True)
class Headline:
    campaign: str
    as_of: dt.date
    accidents: Comparison  # campaign months, year on year
    hazards: HazardFigures
    tasks: Rate


def headline(archive: Archive, campaign_id: str, as_of: dt.date) -> Headline:
    campaign = get_campaign(archive, campaign_id)
    return Headline(
        campaign=campaign.id,
        as_of=as_of,
        accidents=year_on_year(archive, Period.of_campaign(campaign)),
        hazards=hazard_figures(archive, as_of, campaign.id),
        tasks=task_completion(archive, campaign.id),
    )


def by_town(archive: Archive, campaign_id: str, as_of: dt.date) -> dict[str, tuple[HazardFigures, Rate]]:
    """Hazard figures and target-task completion per town in scope (scope order)."""
    campaign = get_campaign(archive, campaign_id)
    return {town: (hazard_figures(archive, as_of, campaign.id, town=town),
                   task_completion(archive, campaign.id, town=town)) for town in campaign.scope.towns}


def by_domain(archive: Archive, campaign_id: str, as_of: dt.date) -> dict[str, tuple[HazardFigures, Rate]]:
    campaign = get_campaign(archive, campaign_id)
    return {domain: (hazard_figures(archive, as_of, campaign.id, domain=domain),
                     task_completion(archive, campaign.id, domain=domain)) for domain in campaign.scope.domains}


def duplicate_rows(archive: Archive) -> list[tuple[str, int, int]]:
    """(record, first row, repeated row) where one record gives one (month, town, domain) twice."""
    out = []
    for record in archive.of_type(AccidentStatistics):
        seen: dict[tuple[str, str, str], int] = {}
        for index, row in enumerate(record.rows):
            key = (row.period, row.town, row.domain)
            if key in seen:
                out.append((record.id, seen[key], index))
            else:
                seen[key] = index
    return out


def conflicting_records(archive: Archive) -> list[tuple[str, str, tuple[str, str, str]]]:
    """(record, other record, key): two records taken the same day disagree about the same key."""
    by_key: dict[tuple[tuple[str, str, str], dt.date], list[tuple[str, Figures]]] = defaultdict(list)
    for record in archive.of_type(AccidentStatistics):
        for row in record.rows:
            by_key[((row.period, row.town, row.domain), record.taken_on)].append(
                (record.id, Figures(row.count, row.deaths, row.loss)))
    out = []
    for (key, _), entries in sorted(by_key.items()):
        ids = list(dict.fromkeys(i for i, _ in entries))
        figures = {f for _, f in entries}
        if len(ids) > 1 and len(figures) > 1:
            out.append((ids[1], ids[0], key))
    return out
