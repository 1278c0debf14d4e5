"""``make verify-release BAG=<folder>``: check a release package; name every altered, missing or extra file."""

from __future__ import annotations

import argparse
from pathlib import Path

from generators.diagnostics import message_language
from generators.releases.verify import report_lines, verify_bag


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bag", type=Path, required=True, help="the package folder (build/releases/<tag>)")


def run(args: argparse.Namespace) -> int:
    result = verify_bag(args.bag)
    for line in report_lines(result, message_language()):
        print(line)
    return 0 if result.ok else 1
