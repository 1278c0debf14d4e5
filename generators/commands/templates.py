"""``make templates``: one ledger workbook per town of a campaign's scope, to fill in and import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generators.checks import load_and_check
from generators.commands.check import print_diagnostics
from generators.diagnostics import message_language
from generators.words import word


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), help="the archive's data folder")
    parser.add_argument("--campaign", default=None, help="campaign ID (default: every campaign)")
    parser.add_argument("--out", type=Path, default=Path("build/templates"), help="where the .xlsx files go")


def run(args: argparse.Namespace) -> int:
    from generators.ledgers.template import write_templates
    from generators.records.model import Campaign

    archive, diagnostics = load_and_check(args.data)
    errors = [d for d in diagnostics if d.is_error]
    if errors:
        print_diagnostics(errors)
        return 1
    campaigns = archive.of_type(Campaign)
    if args.campaign:
        campaigns = [c for c in campaigns if c.id == args.campaign]
        if not campaigns:
            known = ", ".join(c.id for c in archive.of_type(Campaign))
            print(f"templates: no campaign '{args.campaign}' (campaigns: {known})", file=sys.stderr)
            return 2
    written = [path for campaign in campaigns for path in write_templates(archive, campaign, args.out)]
    print(word("cli.templates_written", message_language(), n=len(written), out=args.out))
    return 0
