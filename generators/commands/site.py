"""``make site``: build the bilingual archive site from DATA into SITE (default ``site``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generators.checks import load_and_check
from generators.commands.check import print_diagnostics
from generators.diagnostics import message_language
from generators.outputs import locked, refusal
from generators.timings import stage
from generators.words import word


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), help="the archive's data folder")
    parser.add_argument("--out", type=Path, default=Path("site"), help="where the site goes (replaced whole)")
    parser.add_argument("--build", type=Path, default=Path("build"), help="folder for intermediate files")


def run(args: argparse.Namespace) -> int:
    from generators.site.build import build_site, report

    # Unchanged record files come from BUILD/cache/records; nothing is written when an output is
    # refused (below).
    cacheable = not (refusal(args.out, args.data, kind="the site")
                     or refusal(args.build, args.data, kind="build files", replaced=False))
    with stage("load and check"):
        archive, diagnostics = load_and_check(args.data, args.build if cacheable else None)
    print_diagnostics(diagnostics)
    lang = message_language()
    if any(d.is_error for d in diagnostics):
        print(word("cli.site_data_errors", lang), file=sys.stderr)
        return 1
    refused = refusal(args.out, args.data, kind="the site") or refusal(args.build, args.data, kind="build files",
                                                                         replaced=False)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    # BUILD/documents too: the site copies the printed documents, which `make docs` may be replacing.
    with locked(args.out, args.build, args.build / "documents"):
        result = build_site(archive, args.data, args.out, args.build)
    if not result.ok:
        print(result.message, file=sys.stderr)
        print(word("cli.site_failed", lang), file=sys.stderr)
        return 1
    with stage("report"):
        print(report(result, args.out, lang))
    return 0
