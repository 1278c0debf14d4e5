"""``make release TAG=<published tag>``: the archival package (BagIt) of a publication.

See :mod:`generators.releases.release` for its contents and the rule on classified records.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generators.commands.check import print_diagnostics
from generators.diagnostics import message_language
from generators.releases.release import ReleaseError, build_release
from generators.releases.snapshot import SnapshotError
from generators.words import word


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), help="the archive's data folder")
    parser.add_argument("--tag", required=True, help="the published tag, e.g. publish/2022-05-20")
    parser.add_argument("--build", type=Path, default=Path("build"),
                        help="BUILD: the package goes to BUILD/releases/TAG")
    parser.add_argument("--restricted", action="store_true",
                        help="a separate package <tag>-restricted that also holds the classified records")


def run(args: argparse.Namespace) -> int:
    lang = message_language()
    try:
        release = build_release(args.data, args.tag, args.build, restricted=args.restricted,
                                log=lambda line: print(line, file=sys.stderr))
    except (ReleaseError, SnapshotError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print_diagnostics(list(release.warnings))
    left = len(release.left_out)
    print(word("cli.release_built", lang, path=release.path, tag=release.tag.name,
               date=f"{release.tag.date:%Y-%m-%d}", left=left))
    return 0
