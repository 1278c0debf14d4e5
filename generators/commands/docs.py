"""``make docs``: the official printed documents (GB/T 9704-2012), PDF and Word, from DATA."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generators.checks import load_and_check
from generators.commands.check import print_diagnostics
from generators.diagnostics import message_language
from generators.outputs import locked, refusal
from generators.words import word


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
    cache = args.cache or args.out.parent / "cache" / "documents"
    inputs = _inputs(args.data, args.out) if cacheable else None
    if inputs is not None and _unchanged(cache, args.out, inputs):
        return 0
    archive, diagnostics = load_and_check(args.data, build_dir if cacheable else None)
    errors = [d for d in diagnostics if d.is_error]
    if errors:
        print_diagnostics(errors)
        return 1
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
    lang = message_language()
    print(word("cli.docs_built", lang, documents=result.documents, rendered=result.rendered, cached=result.cached,
               out=args.out))
    print(word("cli.docs_workbooks", lang, ledgers=ledgers))
    if inputs is not None:
        _record(cache, args.out, inputs, result.documents, ledgers)
    return 0


# --- Nothing changed: the whole run skipped ---------------------------------------------------
# The documents are a function of the archive's files, its git log, the code, the tools and the
# fonts. When none of these changed since the run that made the folder now in place (and nobody
# touched that folder since), that folder is what a run would make: not even the archive is loaded.
INPUTS = "inputs.json"


def _inputs(data: Path, out: Path) -> str:
    from generators.documents.fonts import font_set
    from generators.documents.render import tool_versions
    from generators.site.incremental import fingerprint

    extra = {"kind": "documents", "tools": tool_versions(), "fonts": font_set().fingerprint(),
             "out": str(out.resolve())}
    return fingerprint(data, {}, [], extra)


def _folder_state(out: Path) -> list | None:
    """The output folder as it is: its identity (a run swaps in a new folder) and every file's
    name, size and time (a file removed or edited by hand means: run again)."""
    try:
        status = out.stat()
        files = sorted((p.relative_to(out).as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
                       for p in out.rglob("*") if p.is_file())
    except OSError:
        return None
    return [status.st_ino, status.st_dev, files]


def _unchanged(cache: Path, out: Path, inputs: str) -> bool:
    """True (and the run's summary printed) when the documents in place are what this run would make."""
    import json

    from generators.documents.fonts import font_set, style_fallbacks

    try:
        saved = json.loads((cache / INPUTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if saved.get("inputs") != inputs or saved.get("folder") != json.loads(json.dumps(_folder_state(out))):
        return False
    print_diagnostics(style_fallbacks(font_set()))  # what a full run would warn about again
    documents, ledgers = saved["documents"], saved["ledgers"]
    print(word("cli.docs_unchanged", message_language(), documents=documents, ledgers=ledgers, out=out))
    return True


def _record(cache: Path, out: Path, inputs: str, documents: int, ledgers: int) -> None:
    import json

    from generators.filesync import write_if_changed

    state = {"inputs": inputs, "folder": _folder_state(out), "documents": documents, "ledgers": ledgers}
    write_if_changed(cache / INPUTS, json.dumps(state).encode())


def _ledger_workbooks(archive, out: Path) -> int:
    """The printed lists as .xlsx beside their PDF and Word versions (not for classified records)."""
    from generators.ledgers.export import write_exports

    return len(write_exports(archive, out))
