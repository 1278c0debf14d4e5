"""``make review ID=…``: the reviewer's view of one report as text.

Every outgoing reference with its status, every backlink, and for a sub-report or
self-assessment the sieve-check coverage (hazards listed / verified / closed). Works on an
archive with broken references too — finding them is the point — so loading problems are
counted, not fatal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generators.diagnostics import Diagnostic, Location, message_language
from generators.records import load_archive
from generators.refs.resolve import resolve, suggest
from generators.refs.review import review, review_text
from generators.words import word


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), help="the archive's data folder")
    parser.add_argument("--id", required=True, help="the report's ID (or a notice's document number)")


def run(args: argparse.Namespace) -> int:
    lang = message_language()
    archive, diagnostics = load_archive(args.data)
    errors = [d for d in diagnostics if d.is_error]
    if not archive.records:
        for problem in errors:
            print(problem.format(lang), file=sys.stderr)
        return 1
    target = resolve(archive, args.id)
    if target is None:
        problem = Diagnostic.error("E303", Location(str(args.data)), id=args.id,
                                   suggestion=suggest(archive, args.id))
        print(problem.format(lang), file=sys.stderr)
        return 2
    if errors:
        print(word("cli.review_load_errors", lang, n=len(errors)), file=sys.stderr)
    sys.stdout.write(review_text(archive, review(archive, target), lang))
    return 0
