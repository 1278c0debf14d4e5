"""``make import FILE=…``: a ledger workbook's rows into the archive's records (shown first; all or nothing)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generators.commands.check import print_diagnostics
from generators.diagnostics import message_language, relative_path, sort_key
from generators.words import word


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the workbook: .xlsx, .xls, .ods or .csv")
    parser.add_argument("--data", type=Path, default=Path("data"), help="the archive's data folder")
    parser.add_argument("--campaign", default=None, help="campaign ID (default: the workbook's 说明 sheet)")
    parser.add_argument("--town", default=None, help="town of the three lists (default: the 说明 sheet)")
    parser.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")


def run(args: argparse.Namespace) -> int:
    from generators.ledgers.importer import plan_import, write_plan
    from generators.records import load_archive

    lang = message_language()
    zh = lang == "zh"
    archive, loading = load_archive(args.data)
    if any(d.is_error for d in loading):
        print_diagnostics([d for d in loading if d.is_error])
        print(word("cli.import_fix_first", lang), file=sys.stderr)
        return 1
    plan = plan_import(archive, args.file, args.campaign, args.town)
    print_diagnostics(sorted(plan.diagnostics, key=sort_key))
    if plan.failed:
        errors = sum(d.is_error for d in plan.diagnostics)
        print(word("cli.import_errors", lang, n=errors), file=sys.stderr)
        return 1
    show_changes(plan, zh)
    if args.dry_run or not plan.changed_files():
        return 0
    written = write_plan(plan)
    if plan.failed:
        print_diagnostics([d for d in plan.diagnostics if d.code == "E934"])
        return 1
    print(word("cli.import_written", lang, n=len(written)))
    return 0


def show_changes(plan, zh: bool) -> None:
    added = [c for c in plan.changes.values() if c.added]
    changed = [c for c in plan.changes.values() if not c.added and c.fields]
    if not added and not changed:
        print(word("cli.import_no_changes", "zh" if zh else "en"))
        return
    for change in added:
        title = (plan.files[change.path].record(change.record) or {}).get("title") or {}
        print(f"+ {change.record} {title.get('zh', '')}  ({relative_path(change.path)})")
    for change in changed:
        print(f"~ {change.record}  ({relative_path(change.path)})")
        for name, old, new in change.fields:
            print(f"    {name}: {_short(old)} → {_short(new)}")
    print(word("cli.import_summary", "zh" if zh else "en", added=len(added), changed=len(changed)))


def _short(text: str, limit: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
