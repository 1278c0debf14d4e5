"""``make check``: load DATA, validate, apply every check, print all problems and a summary."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from generators.checks import run_checks
from generators.diagnostics import Diagnostic, message_language, sort_key
from generators.records import Archive, load_archive


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), help="the archive's data folder")
    parser.add_argument("--werror", action="store_true", help="treat warnings as errors")
    parser.add_argument("--timeline", action=argparse.BooleanOptionalAction, default=True,
                        help="print each campaign's procedure timeline and headline figures (default: on)")


def load_and_check(data: Path) -> tuple[Archive, list[Diagnostic]]:
    """Load DATA and, when it loaded cleanly, apply every check. Used by every build command."""
    archive, diagnostics = load_archive(data)
    if not any(d.is_error for d in diagnostics):
        diagnostics += run_checks(archive)
    return archive, sorted(diagnostics, key=sort_key)


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    lang = message_language()
    for diagnostic in diagnostics:
        print(diagnostic.format(lang), file=sys.stderr)


def summary(archive: Archive, diagnostics: list[Diagnostic]) -> str:
    counts = Counter(record.type for record in archive)
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    parts = " · ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
    # Rules and reference checks need a complete archive; on a partial one they would report
    # consequences of the loading errors (a "missing" sub-report that merely failed to load).
    skipped = any(d.is_error and d.code < "E200" for d in diagnostics)
    if message_language() == "zh":
        note = "；规则与引用检查将在上述错误修正后进行" if skipped else ""
        return f"记录 {sum(counts.values())} 条（{parts}）；错误 {errors} 个，警告 {warnings} 个{note}"
    note = "; the rule and reference checks run once the errors above are fixed" if skipped else ""
    return f"{sum(counts.values())} records ({parts}); {errors} errors, {warnings} warnings{note}"


def run(args: argparse.Namespace) -> int:
    archive, diagnostics = load_and_check(args.data)
    print_diagnostics(diagnostics)
    if args.timeline and archive.records and not any(d.is_error and d.code < "E200" for d in diagnostics):
        from generators.archive.clock import build_date
        from generators.rules.report import timeline_text

        text = timeline_text(archive, build_date(args.data), message_language())
        if text:
            print(text + "\n")
    print(summary(archive, diagnostics))
    failed = any(d.is_error for d in diagnostics) or (args.werror and diagnostics)
    return 1 if failed else 0
