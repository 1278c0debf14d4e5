"""Every check after loading, in one documented order; ``make check`` and the builds run them all.

A checker is a pure function ``Archive -> list[Diagnostic]``. Rules of the spec come first
(procedure, completeness, grades), then references (resolution, scope, sieve coverage).
"""

from __future__ import annotations

from collections.abc import Callable

from generators.diagnostics import Diagnostic, sort_key
from generators.records import Archive

Checker = Callable[[Archive], list[Diagnostic]]


def checkers() -> list[Checker]:
    # Imported here so that each stage's module stays importable on its own.
    from generators.records.versions import check_versions
    from generators.refs.checks import check_references
    from generators.rules.check import check_calendars, check_procedure, check_statistics
    from generators.rules.chronology import check_chronology
    from generators.rules.completeness import check_completeness
    from generators.rules.scope import check_scope

    return [check_calendars, check_procedure, check_completeness, check_statistics, check_scope,
            check_chronology, check_references, check_versions]


def run_checks(archive: Archive) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for checker in checkers():
        found += checker(archive)
    return sorted(found, key=sort_key)
