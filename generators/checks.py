"""Every check after loading, in one documented order; ``make check`` and the builds run them all
(``load_and_check``: the loading edge and the checks, used by every command and by releases).

A checker is a pure function ``Archive -> list[Diagnostic]``. Rules of the spec come first
(procedure, completeness, grades), then references (resolution, scope, sieve coverage). The
checks that judge what is due or overdue are given "today" (``as_of``): the build date, which
the command layer reads from the commit (``generators/clock.py``), so that no check runs git.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from generators.clock import build_date
from generators.diagnostics import Diagnostic, sort_key
from generators.records import Archive, load_archive

Checker = Callable[[Archive], list[Diagnostic]]


def checkers(as_of: dt.date) -> list[Checker]:
    # Imported here so that each stage's module stays importable on its own.
    from generators.records.versions import check_versions
    from generators.refs.checks import check_references
    from generators.rules.check import check_calendars, check_procedure, check_statistics
    from generators.rules.chronology import check_chronology
    from generators.rules.completeness import check_completeness
    from generators.rules.scope import check_scope

    return [check_calendars, _dated(check_procedure, as_of), _dated(check_completeness, as_of), check_statistics,
            check_scope, check_chronology, check_references, check_versions]


def _dated(check: Callable[[Archive, dt.date], list[Diagnostic]], as_of: dt.date) -> Checker:
    def checker(archive: Archive) -> list[Diagnostic]:
        return check(archive, as_of)

    checker.__name__ = check.__name__  # named in notes about checks that could not run
    return checker


def run_checks(archive: Archive, as_of: dt.date) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for checker in checkers(as_of):
        found += checker(archive)
    return sorted(found, key=sort_key)


def load_and_check(data: Path, build: Path | None = None) -> tuple[Archive, list[Diagnostic]]:
    """Load DATA and apply every check to the records that loaded (see :mod:`generators.partial`).
    Used by every build command. With ``build``, record files unchanged since the last run come
    from BUILD/cache/records."""
    from generators.partial import failed_files, run_checks_on_partial, without_consequences  # it uses checkers()

    archive, diagnostics = load_archive(data, build / "cache" / "records" if build is not None else None)
    failed = failed_files(diagnostics, archive)
    as_of = build_date(data)  # "today" for due and overdue stages: the commit's date, never the wall clock
    if not failed:
        diagnostics += run_checks(archive, as_of)
    else:
        diagnostics += run_checks_on_partial(archive, failed, as_of)
        diagnostics = without_consequences(diagnostics, failed)
    return archive, sorted(diagnostics, key=sort_key)
