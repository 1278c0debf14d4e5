"""``make schemas``: write one JSON Schema per record type, generated from the model."""

from __future__ import annotations

import argparse
from pathlib import Path

from generators.records.schema import SCHEMA_DIR, write_schemas


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=SCHEMA_DIR, help="folder to write the schemas to")


def run(args: argparse.Namespace) -> int:
    written = write_schemas(args.out)
    print(f"{len(written)} schemas → {args.out}")
    return 0
