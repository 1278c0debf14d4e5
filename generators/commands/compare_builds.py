"""``python -m generators compare-builds A B``: are two builds byte-identical? Lists every difference."""

from __future__ import annotations

import argparse
from pathlib import Path

from generators.releases.compare import compare_trees, tree_digest


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", type=Path, help="first build folder")
    parser.add_argument("b", type=Path, help="second build folder")


def run(args: argparse.Namespace) -> int:
    for folder in (args.a, args.b):
        if not folder.is_dir():
            print(f"error: {folder} is not a folder")
            return 2
    differences = compare_trees(args.a, args.b)
    for line in differences:
        print(line)
    files = sum(1 for p in args.a.rglob("*") if p.is_file())
    if differences:
        print(f"{len(differences)} differences between {args.a} and {args.b}")
        return 1
    print(f"identical: {files} files, tree sha256 {tree_digest(args.a)} ({args.a} = {args.b})")
    return 0
