"""``make check``: load DATA, validate, apply every check, print all problems and a summary."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from generators.checks import load_and_check
from generators.clock import build_date
from generators.diagnostics import Diagnostic, Severity, message_language
from generators.records import Archive
from generators.timings import stage
from generators.words import type_name, word


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), help="the archive's data folder")
    parser.add_argument("--build", type=Path, default=None,
                        help="build folder; unchanged record files are not read again (cache in BUILD/cache/records)")
    parser.add_argument("--werror", action="store_true", help="treat warnings as errors")
    parser.add_argument("--timeline", action=argparse.BooleanOptionalAction, default=True,
                        help="print each campaign's procedure timeline and headline figures (default: on)")


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    lang = message_language()
    for diagnostic in diagnostics:
        print(diagnostic.format(lang), file=sys.stderr)


def summary(archive: Archive, diagnostics: list[Diagnostic]) -> str:
    counts = Counter(record.type for record in archive)
    errors = sum(d.is_error for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    total = sum(counts.values())
    # Records that did not load were not checked, and some whole-campaign checks wait (notes N001).
    partial = any(d.code == "N001" for d in diagnostics)
    lang = message_language()
    # English names record types by their type, as the data does; Chinese by their names
    parts = " · ".join(f"{type_name(kind, lang) if lang == 'zh' else kind} {n}" for kind, n in sorted(counts.items()))
    note = word("cli.check_partial", lang) if partial else ""
    return word("cli.check_summary", lang, total=total, parts=parts, errors=errors, warnings=warnings, note=note)


def run(args: argparse.Namespace) -> int:
    with stage("load and check"):
        archive, diagnostics = load_and_check(args.data, args.build)
    print_diagnostics(diagnostics)
    if args.timeline and archive.records and not any(d.is_error and d.code < "E200" for d in diagnostics):
        from generators.rules.report import timeline_text

        text = timeline_text(archive, build_date(args.data), message_language())
        if text:
            print(text + "\n")
    print(summary(archive, diagnostics))
    failed = any(d.is_error for d in diagnostics) or (args.werror and diagnostics)
    return 1 if failed else 0
