"""The official working-day calendar, and day counting as the spec and Chinese civil law do it.

Where the days come from, per year:

* the years the PyPI package ``chinesecalendar`` covers (the State Council's notices, 2004–2026
  in version 1.11.0) come from the package;
* any further year comes from one ``type: calendar`` record in DATA (e.g. ``calendars/2027.yml``,
  typed in from the State Council's notice when it is published each winter). Such a record
  lists the statutory holidays with the rest days around them, and the weekend make-up working
  days (调休); every other day is a working day from Monday to Friday.

A year neither covers is never guessed: :class:`CalendarMissing` names the year and the file to
add, and the checker turns it into diagnostic E201 at the record whose date needed it. A calendar
record for a year the package already covers is ignored (warning W204): the package is the
State Council's text, and two sources for one year could disagree silently.

Counting (the general rule for periods, 民法典 art. 201–203; docs/domain.md):

* "within N days after X": the day of X is not counted, so the raw last day is X + N days; when
  that day is a rest day or statutory holiday, the last day moves to the next working day;
* "N working days in advance" of a due date D, filed on F: the working days after F up to and
  including D are counted (the filing day is not, as above); the filing is in time when there
  are at least N of them — equivalently, F is no later than :meth:`WorkCalendar.latest_filing_day`.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import chinese_calendar

from generators.records import Archive, reads
from generators.records.model import Calendar

PACKAGE = f"chinesecalendar {version('chinesecalendar')}"
_PACKAGE_YEARS = frozenset(d.year for d in (*chinese_calendar.holidays, *chinese_calendar.workdays))
PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR = min(_PACKAGE_YEARS), max(_PACKAGE_YEARS)


class CalendarMissing(Exception):  # noqa: N818 - reads as what happened
    """A computation needed a year that neither chinesecalendar nor a DATA calendar record covers."""

    def __init__(self, year: int, suggested_file: str) -> None:
        self.year = year
        self.suggested_file = suggested_file
        super().__init__(
            f"no working-day calendar for {year}: {PACKAGE} covers {PACKAGE_FIRST_YEAR}–{PACKAGE_LAST_YEAR}; "
            f"add {suggested_file} (type: calendar, year: {year})"
        )


@dataclass(frozen=True)
class DatedResult:
    """A computed last day, with everything needed to recompute it by hand."""

    trigger: dt.date
    days: int
    raw: dt.date  # trigger + days, before moving off rest days
    due: dt.date  # the first working day on or after ``raw``
    calendars: tuple[str, ...]  # every calendar consulted, e.g. ("chinesecalendar 1.11.0",)

    @property
    def moved(self) -> bool:
        return self.due != self.raw

    @property
    def calendar(self) -> str:
        return " + ".join(self.calendars)


@dataclass(frozen=True)
class _YearData:
    source: str
    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]


class WorkCalendar:
    """Working days by the official calendar: the package's years plus DATA's calendar records."""

    def __init__(self, records: dict[int, _YearData], calendars_folder: str = "DATA/calendars") -> None:
        self._records = records
        self._folder = calendars_folder

    @classmethod
    def of(cls, archive: Archive) -> WorkCalendar:
        """The calendar of an archive (built once per archive)."""
        # Replayed: a page using the calendar depends on the calendar records it was built from.
        return reads.replayed(_CACHE.setdefault(archive, {}), (), lambda: cls.from_archive(archive))

    @classmethod
    def from_archive(cls, archive: Archive) -> WorkCalendar:
        records: dict[int, _YearData] = {}
        for record in archive.of_type(Calendar):  # ID order: the first record of a year wins (E202)
            if record.year in _PACKAGE_YEARS or record.year in records:
                continue
            records[record.year] = _YearData(
                calendar_source(archive, record), frozenset(record.holidays), frozenset(record.workdays)
            )
        return cls(records, calendars_folder(archive))

    # -- what a year is ------------------------------------------------------------------------

    def source(self, year: int) -> str:
        """Which calendar a year comes from; raises :class:`CalendarMissing` if none."""
        if year in _PACKAGE_YEARS:
            return PACKAGE
        if year in self._records:
            return self._records[year].source
        raise CalendarMissing(year, self.suggested_file(year))

    def suggested_file(self, year: int) -> str:
        return f"{self._folder}/{year}.yml"

    def is_workday(self, day: dt.date) -> bool:
        if day.year in _PACKAGE_YEARS:
            return chinese_calendar.is_workday(day)
        data = self._records.get(day.year)
        if data is None:
            raise CalendarMissing(day.year, self.suggested_file(day.year))
        if day in data.workdays:
            return True
        if day in data.holidays:
            return False
        return day.weekday() < 5

    def day_kind(self, day: dt.date) -> str:
        """What a day is, for showing why a last day moved: one of :data:`DAY_KINDS`."""
        workday = self.is_workday(day)
        weekend = day.weekday() >= 5
        if day.year in _PACKAGE_YEARS:
            holiday = chinese_calendar.get_holiday_detail(day)[1] is not None
        else:
            data = self._records[day.year]
            holiday = day in data.holidays or day in data.workdays
        if workday:
            return "make-up-workday" if weekend else "workday"
        return "holiday" if holiday else "weekend"

    # -- counting ------------------------------------------------------------------------------

    def add_days_after(self, trigger: dt.date, days: int) -> DatedResult:
        """The last day of "within ``days`` days after ``trigger``"."""
        raw = trigger + dt.timedelta(days=days)
        due = raw
        years = {raw.year}
        while not self.is_workday(due):
            due += dt.timedelta(days=1)
            years.add(due.year)
        return DatedResult(trigger, days, raw, due, tuple(self.source(y) for y in sorted(years)))

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
        count = 0
        day = start + dt.timedelta(days=1)
        while day <= end:
            count += self.is_workday(day)
            day += dt.timedelta(days=1)
        return count

    def latest_filing_day(self, due: dt.date, working_days: int) -> DatedResult:
        """The last day on which something due ``working_days`` working days before ``due`` may be filed.

        It is the day before the ``working_days``-th working day counted back from ``due``
        (``due`` itself included when it is a working day), so that exactly ``working_days``
        working days lie after it up to ``due``. ``days`` in the result is negative.
        """
        day, seen, years = due, 0, {due.year}
        while True:
            if self.is_workday(day):
                seen += 1
                if seen == working_days:
                    break
            day -= dt.timedelta(days=1)
            years.add(day.year)
        latest = day - dt.timedelta(days=1)
        years.add(latest.year)
        return DatedResult(due, -working_days, latest, latest, tuple(self.source(y) for y in sorted(years)))


# Their names are the catalogue's (generators/words.py, "day.<kind>").
DAY_KINDS = ("workday", "make-up-workday", "weekend", "holiday")
WEEKDAYS = {"zh": "一二三四五六日", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}

_CACHE: weakref.WeakKeyDictionary[Archive, dict] = weakref.WeakKeyDictionary()


def calendars_folder(archive: Archive) -> str:
    """Where a new year's calendar file goes, as the user names the data folder."""
    return f"{_display(archive.root)}/calendars"


def calendar_source(archive: Archive, record: Calendar) -> str:
    """A calendar record as a source: its file, relative to DATA (stable across machines)."""
    file = archive.origins[record.id].file
    try:
        return str(Path(archive.root.name or "DATA") / file.resolve().relative_to(archive.root.resolve()))
    except ValueError:
        return str(file)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def one_year_or_longer(start: dt.date, end: dt.date) -> bool:
    """Art. 13 "时限在一年以上（包括一年）": the campaign runs from ``start`` to ``end`` inclusive,
    so it lasts a year when ``end`` is at least the day before ``start``'s anniversary
    (2022-01-01 – 2022-12-31 is one year; a start on 29 February has its anniversary on 1 March)."""
    try:
        anniversary = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        anniversary = dt.date(start.year + 1, 3, 1)
    return end >= anniversary - dt.timedelta(days=1)
