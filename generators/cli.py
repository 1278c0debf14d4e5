"""The command line the Makefile calls: ``python -m generators COMMAND [options]``.

Each command is a module in :mod:`generators.commands` with ``add_arguments(parser)`` and
``run(args) -> int``. Failures a user can cause are reported as diagnostics with an exit
status, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from generators import timings

COMMANDS: dict[str, str] = {
    "check": "validate DATA and apply the spec's rules; print every problem at once",
    "schemas": "write the JSON Schemas generated from the record model",
    "example-data": "write the example archive, or a synthetic one (--hazards N), into --out",
    "review": "one report's references, backlinks and sieve-check coverage, for reviewers",
    "site": "build the bilingual archive site from DATA into SITE (zh at the root, en under en/)",
    "serve": "build the site, serve it on 127.0.0.1:8000 and rebuild when a record or text changes",
    "search-index": "write each language's search index into the built site (--site)",
    "snapshot": "check out the archive as it stood at a tag or commit (make site AT=<ref>)",
    "publish": "tag HEAD as a publication: publish/YYYY-MM-DD with a message",
    "release": "write the archival package (BagIt) of a published tag",
    "verify-release": "check a release package; name every altered, missing or extra file",
    "compare-builds": "compare two build folders byte for byte",
    "docs": "write the official printed documents (GB/T 9704-2012), PDF and Word, into BUILD/documents",
    "templates": "write one ledger workbook (.xlsx) per town of a campaign, to fill in and import",
    "import": "read a ledger workbook (.xlsx/.xls/.ods/.csv) into the records; shows the changes first",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with ``only``, the options of that command alone (the others' modules are
    not imported: a fifth of a second of every run)."""
    parser = argparse.ArgumentParser(prog="python -m generators", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        if only is None or name == only:
            _module(name).add_arguments(command)
    return parser


def _module(name: str):
    module = {"import": "import_ledger"}.get(name, name.replace("-", "_"))  # `import` is a Python keyword
    return importlib.import_module(f"generators.commands.{module}")


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    args = build_parser(arguments[0] if arguments and arguments[0] in COMMANDS else None).parse_args(arguments)
    try:
        return _module(args.command).run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        timings.print_report()
