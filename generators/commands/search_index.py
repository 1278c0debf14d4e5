"""``make search-index``: write each language's search index into a built site folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generators.commands.check import print_diagnostics
from generators.present import LANGUAGES
from generators.search import diagnostics
from generators.search.index import build_index


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), help="the archive's data folder (unused)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site folder")
    parser.add_argument("--lang", choices=LANGUAGES, action="append", help="only this language (repeatable)")


def run(args: argparse.Namespace) -> int:
    if not args.site.is_dir():
        print_diagnostics([diagnostics.missing_site(args.site)])
        return 1
    problems = []
    for lang in args.lang or LANGUAGES:
        stats = build_index(args.site, lang)
        problems += [diagnostics.classified_page(p) for p in stats.refused]
        if not stats.documents:
            problems.append(diagnostics.no_pages(args.site, lang))
        print(f"search-index {lang}: {stats.documents} pages, {stats.withdrawn} withdrawn left out, "
              f"{stats.keys} keys in {stats.buckets} buckets → {stats.out_dir}", file=sys.stderr)
    print_diagnostics(problems)
    return 1 if problems else 0
