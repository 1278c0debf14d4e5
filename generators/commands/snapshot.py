"""``make site AT=<ref>`` (and docs, check): check out the archive as it stood at a tag or commit.

Writes a detached git worktree of REF to OUT and prints the snapshot's DATA folder; the build
then runs the current code on it with SOURCE_DATE_EPOCH set to the commit's time (the Makefile
does both). See :mod:`generators.releases.snapshot` for why the current code builds old data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generators.releases.snapshot import SnapshotError, checkout, data_in_snapshot


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), help="the archive's data folder")
    parser.add_argument("--ref", required=True, help="a tag (publish/2022-05-20) or a commit")
    parser.add_argument("--out", type=Path, required=True, help="folder for the snapshot, e.g. build/at/<ref>")


def run(args: argparse.Namespace) -> int:
    try:
        snapshot = checkout(args.data, args.ref, args.out)
        data = data_in_snapshot(args.data, args.data, snapshot)
    except SnapshotError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{args.ref} = {snapshot.sha[:12]} ({snapshot.date:%Y-%m-%d %H:%M} UTC): {data}", file=sys.stderr)
    print(data)
    return 0
