"""Day counting on the official calendar: Spring Festival and National Day with make-up working days
(2024–2026), a year only a DATA calendar covers, and a year nothing covers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generators.records import load_archive
from generators.rules.calendar import PACKAGE, CalendarMissing, WorkCalendar, one_year_or_longer
from generators.rules.check import check_calendars
from tests.conftest import write_archive

D = dt.date
PLAIN = WorkCalendar({})

# (trigger, N days, raw last day = trigger + N, due = first working day on or after raw, why)
ADD_DAYS = [
    (D(2024, 1, 31), 10, D(2024, 2, 10), D(2024, 2, 18), "Spring Festival 2/10–17; Sun 2/18 is a make-up working day"),
    (D(2024, 2, 8), 10, D(2024, 2, 18), D(2024, 2, 18), "raw day is the make-up Sunday itself: no move"),
    (D(2024, 1, 25), 10, D(2024, 2, 4), D(2024, 2, 4), "Sun 2/4 is a make-up working day"),
    (D(2024, 9, 19), 10, D(2024, 9, 29), D(2024, 9, 29), "Sun 9/29 is a make-up working day"),
    (D(2024, 9, 21), 10, D(2024, 10, 1), D(2024, 10, 8), "National Day 10/1–7"),
    (D(2024, 10, 2), 10, D(2024, 10, 12), D(2024, 10, 12), "Sat 10/12 is a make-up working day"),
    (D(2024, 12, 1), 30, D(2024, 12, 31), D(2024, 12, 31), "ordinary Tuesday"),
    (D(2025, 1, 18), 10, D(2025, 1, 28), D(2025, 2, 5), "Spring Festival 1/28–2/4"),
    (D(2025, 1, 16), 10, D(2025, 1, 26), D(2025, 1, 26), "Sun 1/26 is a make-up working day"),
    (D(2025, 1, 29), 10, D(2025, 2, 8), D(2025, 2, 8), "Sat 2/8 is a make-up working day"),
    (D(2025, 9, 1), 30, D(2025, 10, 1), D(2025, 10, 9), "National Day and Mid-Autumn 10/1–8"),
    (D(2025, 8, 29), 30, D(2025, 9, 28), D(2025, 9, 28), "Sun 9/28 is a make-up working day"),
    (D(2025, 9, 11), 30, D(2025, 10, 11), D(2025, 10, 11), "Sat 10/11 is a make-up working day"),
    (D(2026, 2, 5), 10, D(2026, 2, 15), D(2026, 2, 24), "Spring Festival 2/15–23"),
    (D(2026, 2, 4), 10, D(2026, 2, 14), D(2026, 2, 14), "Sat 2/14 is a make-up working day"),
    (D(2026, 1, 29), 30, D(2026, 2, 28), D(2026, 2, 28), "Sat 2/28 is a make-up working day"),
    (D(2026, 9, 10), 10, D(2026, 9, 20), D(2026, 9, 20), "Sun 9/20 is a make-up working day"),
    (D(2026, 9, 1), 30, D(2026, 10, 1), D(2026, 10, 8), "National Day 10/1–7"),
    (D(2026, 9, 30), 10, D(2026, 10, 10), D(2026, 10, 10), "Sat 10/10 is a make-up working day"),
    (D(2026, 11, 21), 10, D(2026, 12, 1), D(2026, 12, 1), "ordinary Tuesday"),
    (D(2026, 11, 18), 10, D(2026, 11, 28), D(2026, 11, 30), "ordinary Saturday → Monday"),
]


@pytest.mark.parametrize(("trigger", "days", "raw", "due", "why"), ADD_DAYS, ids=[c[-1] for c in ADD_DAYS])
def test_add_days_after(trigger, days, raw, due, why):
    result = PLAIN.add_days_after(trigger, days)
    assert (result.raw, result.due, result.moved) == (raw, due, raw != due)
    assert result.calendar == PACKAGE == "chinesecalendar 1.11.0"


# (filed on, due, working days after filing up to and including due, latest valid filing day for 7)
WORKING_DAYS = [
    # 2/18 (make-up Sun), 2/19–23, 2/26: the festival makes 17 calendar days only 7 working days
    (D(2024, 2, 9), D(2024, 2, 26), 7, D(2024, 2, 17)),
    (D(2024, 2, 17), D(2024, 2, 26), 7, D(2024, 2, 17)),
    (D(2024, 2, 18), D(2024, 2, 26), 6, D(2024, 2, 17)),
    # 9/29 (make-up Sun), 9/30, 10/8–11, 10/12 (make-up Sat)
    (D(2024, 9, 27), D(2024, 10, 12), 7, D(2024, 9, 28)),
    (D(2024, 9, 29), D(2024, 10, 12), 6, D(2024, 9, 28)),
    # 9/30, 10/9, 10/10, 10/11 (make-up Sat), 10/13–15
    (D(2025, 9, 29), D(2025, 10, 15), 7, D(2025, 9, 29)),
    (D(2025, 9, 30), D(2025, 10, 15), 6, D(2025, 9, 29)),
    # 2/14 (make-up Sat), 2/24–27, 2/28 (make-up Sat), 3/2, 3/3
    (D(2026, 2, 13), D(2026, 3, 3), 8, D(2026, 2, 23)),
    (D(2026, 2, 23), D(2026, 3, 3), 7, D(2026, 2, 23)),
    (D(2026, 2, 24), D(2026, 3, 3), 6, D(2026, 2, 23)),
    (D(2026, 3, 3), D(2026, 3, 3), 0, D(2026, 2, 23)),
    (D(2026, 3, 10), D(2026, 3, 3), 0, D(2026, 2, 23)),
]


@pytest.mark.parametrize(("filed", "due", "count", "latest"), WORKING_DAYS)
def test_working_days_before_a_due_date(filed, due, count, latest):
    assert PLAIN.working_days_between(filed, due) == count
    result = PLAIN.latest_filing_day(due, 7)
    assert result.due == latest
    assert PLAIN.working_days_between(result.due, due) == 7  # the latest day is exactly 7 working days ahead
    assert PLAIN.working_days_between(result.due + dt.timedelta(days=1), due) <= 6


@pytest.mark.parametrize(("start", "end", "long"), [
    (D(2022, 1, 1), D(2022, 12, 31), True),
    (D(2022, 1, 1), D(2022, 12, 30), False),
    (D(2020, 4, 1), D(2022, 12, 31), True),
    (D(2024, 3, 1), D(2024, 8, 31), False),
    (D(2024, 2, 29), D(2025, 2, 28), True),
    (D(2024, 2, 29), D(2025, 2, 27), False),
])
def test_one_year_or_longer(start, end, long):
    assert one_year_or_longer(start, end) is long


def test_a_year_nothing_covers_is_refused_with_the_file_to_add():
    calendar = WorkCalendar({}, "data/calendars")
    with pytest.raises(CalendarMissing) as raised:
        calendar.add_days_after(D(2026, 12, 25), 10)  # 2027-01-04
    assert raised.value.year == 2027
    assert raised.value.suggested_file == "data/calendars/2027.yml"
    assert "2027" in str(raised.value) and "data/calendars/2027.yml" in str(raised.value)
    with pytest.raises(CalendarMissing):
        calendar.is_workday(D(2003, 6, 2))
    # a computation that stays in 2026 needs no 2027
    assert calendar.add_days_after(D(2026, 12, 20), 10).due == D(2026, 12, 30)


CALENDAR_2027 = """
type: calendar
id: calendar-2027
year: 2027
source: {zh: 测试用虚构日历（非国务院公布）, en: Invented for the test}
holidays: [2027-01-01, 2027-02-05, 2027-02-06, 2027-02-07, 2027-02-08, 2027-02-09, 2027-02-10, 2027-02-11]
workdays: [2027-01-31, 2027-02-20]
"""


def test_a_data_calendar_covers_a_further_year(tmp_path: Path):
    archive, diagnostics = load_archive(write_archive(tmp_path / "data", {"calendars/2027.yml": CALENDAR_2027}))
    assert not [d for d in diagnostics if d.is_error]
    calendar = WorkCalendar.from_archive(archive)
    result = calendar.add_days_after(D(2026, 12, 22), 10)  # 2027-01-01 holiday → Sat, Sun → Mon 1/4
    assert (result.raw, result.due, result.calendars) == (D(2027, 1, 1), D(2027, 1, 4), ("data/calendars/2027.yml",))
    assert calendar.add_days_after(D(2027, 1, 21), 10).due == D(2027, 1, 31)  # make-up Sunday
    assert calendar.add_days_after(D(2027, 1, 26), 10).due == D(2027, 2, 12)  # holiday 2/5–11
    assert calendar.add_days_after(D(2027, 2, 10), 10).due == D(2027, 2, 20)  # make-up Saturday
    # 12/31 (Thu, 2026 by the package) and 1/4 (2027 by the record): both calendars are named
    spans = calendar.latest_filing_day(D(2027, 1, 4), 2)
    assert spans.due == D(2026, 12, 30)
    assert spans.calendars == (PACKAGE, "data/calendars/2027.yml")
    assert check_calendars(archive) == []


@pytest.mark.parametrize(("text", "code", "line"), [
    (CALENDAR_2027.replace("year: 2027", "year: 2024").replace("2027-", "2024-"), "W205", 3),
    (CALENDAR_2027.replace("2027-02-20]", "2026-02-20]"), "E203", 6),
    (CALENDAR_2027.replace("2027-02-20]", "2027-02-11]"), "E204", 6),
    (CALENDAR_2027.replace("2027-02-20]", "2027-02-19]"), "W206", 6),
])
def test_calendar_record_checks(tmp_path: Path, text, code, line):
    archive, diagnostics = load_archive(write_archive(tmp_path / "data", {"calendars/c.yml": text}))
    assert not [d for d in diagnostics if d.is_error]
    found = check_calendars(archive)
    assert [(d.code, Path(d.location.path).name, d.location.line) for d in found] == [(code, "c.yml", line)]


def test_two_calendars_for_one_year(tmp_path: Path):
    second = CALENDAR_2027.replace("calendar-2027", "calendar-2027b")
    archive, _ = load_archive(write_archive(tmp_path / "data", {"calendars/a.yml": CALENDAR_2027,
                                                                "calendars/b.yml": second}))
    assert [(d.code, Path(d.location.path).name) for d in check_calendars(archive)] == [("E202", "b.yml")]
