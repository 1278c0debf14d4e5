"""``make site``: build the bilingual archive site from DATA into SITE (default ``site``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generators.checks import load_and_check
from generators.commands.check import print_diagnostics
from generators.diagnostics import message_language
from generators.outputs import locked, refusal
from generators.timings import stage
from generators.words import word


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), help="the archive's data folder")
    parser.add_argument("--out", type=Path, default=Path("site"), help="where the site goes (replaced whole)")
    parser.add_argument("--build", type=Path, default=Path("build"), help="folder for intermediate files")


def run(args: argparse.Namespace) -> int:
    from generators.site.build import build_site, report

    # Unchanged record files come from BUILD/cache/records; nothing is written when an output is
    # refused (below).
    cacheable = not (refusal(args.out, args.data, kind="the site")
                     or refusal(args.build, args.data, kind="build files", replaced=False))
    with stage("fingerprint of the whole run"):
        inputs = _inputs(args.data, args.build) if cacheable else None
        if inputs is not None and _unchanged(args.build, args.out, inputs):
            return 0
    with stage("load and check"):
        archive, diagnostics = load_and_check(args.data, args.build if cacheable else None)
    print_diagnostics(diagnostics)
    lang = message_language()
    if any(d.is_error for d in diagnostics):
        print(word("cli.site_data_errors", lang), file=sys.stderr)
        return 1
    refused = refusal(args.out, args.data, kind="the site") or refusal(args.build, args.data, kind="build files",
                                                                         replaced=False)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    # BUILD/documents too: the site copies the printed documents, which `make docs` may be replacing.
    with locked(args.out, args.build, args.build / "documents"):
        result = build_site(archive, args.data, args.out, args.build)
    if not result.ok:
        print(result.message, file=sys.stderr)
        print(word("cli.site_failed", lang), file=sys.stderr)
        return 1
    with stage("report"):
        print(report(result, args.out, lang))
    if inputs is not None:
        _record(args.build, args.out, inputs, diagnostics, result)
    return 0


# --- Nothing changed: the whole run skipped, as make docs does ---------------------------------
# The site and what the check says are a function of DATA's files, content/, the code, the tools,
# the git log, the build date and the printed documents beside it (BUILD/documents). When none of
# these changed since the run that made the site now in place, that site is what a run would make,
# and its diagnostics are what the check would say again: not even the archive is loaded.
RUN_STATE = "site-run.pickle"


def _inputs(data: Path, build: Path) -> str:
    from generators.clock import build_timestamp
    from generators.site.incremental import fingerprint

    moment, _ = build_timestamp(data)
    dates = [str(moment.date()), str(int(moment.timestamp()) // 86400)]
    return fingerprint(data, {}, dates, {"kind": "site", "documents": _documents_state(build / "documents")})


def _documents_state(folder: Path) -> list:
    """The printed documents the site links, as files: every name, size and time."""
    try:
        return sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file())
    except OSError:
        return []


def _site_identity(out: Path) -> list[int] | None:
    try:
        status = out.resolve().stat()
    except OSError:
        return None
    return [status.st_ino, status.st_dev]


def _unchanged(build: Path, out: Path, inputs: str) -> bool:
    """True (and the diagnostics and summary printed) when the site in place is what this run would make."""
    import pickle

    try:
        saved = pickle.loads((build / "site-src" / RUN_STATE).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return False
    if not isinstance(saved, dict) or saved.get("inputs") != inputs or saved.get("site") != _site_identity(out):
        return False
    print_diagnostics(saved["diagnostics"])
    print(word("cli.site_unchanged", message_language(), out=out, pages=saved["pages"], withheld=saved["withheld"]))
    return True


def _record(build: Path, out: Path, inputs: str, diagnostics: list, result) -> None:
    import pickle

    from generators.filesync import write_if_changed

    state = {"inputs": inputs, "site": _site_identity(out), "diagnostics": diagnostics, "pages": result.pages,
             "withheld": result.withheld}
    write_if_changed(build / "site-src" / RUN_STATE, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
