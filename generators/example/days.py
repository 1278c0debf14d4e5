"""Deadlines as the spec counts them, on the State Council calendar (`chinese_calendar`).

"Within N days after X": the day of X is not counted, and a last day that falls on a rest day or
holiday moves to the next working day. The generator only uses years the package covers.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar

ONE_DAY = dt.timedelta(days=1)


def is_workday(day: dt.date) -> bool:
    return chinese_calendar.is_workday(day)


def next_workday(day: dt.date) -> dt.date:
    """``day`` itself when it is a working day, else the next one."""
    while not is_workday(day):
        day += ONE_DAY
    return day


def within_days_after(start: dt.date, days: int) -> dt.date:
    """The last day of "within ``days`` days after ``start``"."""
    return next_workday(start + dt.timedelta(days=days))


def workdays_between(first: dt.date, last: dt.date) -> int:
    """Working days strictly between ``first`` and ``last``."""
    count, day = 0, first + ONE_DAY
    while day < last:
        count += is_workday(day)
        day += ONE_DAY
    return count


def add_workdays(day: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``day``."""
    while count:
        day += ONE_DAY
        count -= is_workday(day)
    return day
