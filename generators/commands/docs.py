"""``make docs``: the official printed documents (GB/T 9704-2012), PDF and Word, from DATA."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generators.checks import load_and_check
from generators.commands.check import print_diagnostics
from generators.diagnostics import message_language
from generators.outputs import locked, refusal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), help="the archive's data folder")
    parser.add_argument("--out", type=Path, default=Path("build/documents"),
                        help="where <stem>.pdf and <stem>.docx go (default: build/documents)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="rendering cache (default: <out>/../cache/documents)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="parallel renderers (default: every core this process may use)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from generators.documents.build import build

    # Unchanged record files come from BUILD/cache/records (BUILD: the folder holding the output);
    # nothing is written when an output is refused (below).
    build_dir = args.out.parent
    cacheable = not (refusal(args.out, args.data, kind="documents")
                     or refusal(build_dir, args.data, kind="build files", replaced=False))
    archive, diagnostics = load_and_check(args.data, build_dir if cacheable else None)
    errors = [d for d in diagnostics if d.is_error]
    if errors:
        print_diagnostics(errors)
        return 1
    cache = args.cache or args.out.parent / "cache" / "documents"
    refused = refusal(args.out, args.data, kind="documents") or refusal(cache, args.data, kind="the cache",
                                                                        replaced=False)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    with locked(args.out, cache):
        result = build(archive, args.out, cache, jobs=args.jobs, progress=not args.no_progress)
    print_diagnostics(result.diagnostics)
    if any(d.is_error for d in result.diagnostics):
        return 1
    ledgers = _ledger_workbooks(archive, args.out)
    if message_language() == "zh":
        print(f"文档 {result.documents} 份（PDF 与 Word）：新生成 {result.rendered} 份，"
              f"缓存 {result.cached} 份 → {args.out}")
    else:
        print(f"{result.documents} documents (PDF and Word): {result.rendered} rendered, "
              f"{result.cached} from cache → {args.out}", file=sys.stdout)
    print(f"清单与隐患台账工作簿 {ledgers} 份（.xlsx）" if message_language() == "zh"
          else f"{ledgers} list and ledger workbooks (.xlsx)")
    return 0


def _ledger_workbooks(archive, out: Path) -> int:
    """The printed lists as .xlsx beside their PDF and Word versions (not for classified records)."""
    from generators.ledgers.export import write_exports

    return len(write_exports(archive, out))
