"""``make publish MESSAGE="…"``: tag HEAD as a publication (annotated tag ``publish/YYYY-MM-DD[-N]``)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generators.diagnostics import message_language
from generators.releases.publish import PublishError, SnapshotError, publish
from generators.words import word


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), help="the archive's data folder")
    parser.add_argument("--message", default="", help="what is published and why (the tag's message)")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=None,
                        help="the publication date in the tag's name (default: today in China)")


def run(args: argparse.Namespace) -> int:
    try:
        name = publish(args.data, args.message, args.date)
    except (PublishError, SnapshotError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(word("cli.published", message_language(), name=name))
    return 0
