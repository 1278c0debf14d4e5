"""The import rules of ARCHITECTURE.md, checked on every module of generators/ (imports inside
functions included): the stages depend on each other in one direction only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASE = {"diagnostics", "messages", "words", "machine", "filesync", "outputs", "clock", "docnumbers", "git", "webserver",
        "timings"}
MIDDLE = {"records", "present", "rules", "refs", "checks", "partial", "charts"}
# package → the packages (besides itself and BASE) it may import
ALLOWED: dict[str, set[str]] = {
    **{name: set() for name in BASE},
    "records": set(),
    "present": {"records"},
    "rules": {"records", "present"},
    "refs": {"records", "present", "rules"},
    "checks": {"records", "present", "rules", "refs", "partial"},
    "partial": {"records", "present", "rules", "refs", "checks"},
    "charts": {"records", "present", "rules"},
    "search": set(),
    "site": MIDDLE | {"search"},
    "documents": MIDDLE,
    "ledgers": MIDDLE,
    "example": MIDDLE,
    "schemas": set(),
    "releases": MIDDLE | {"documents", "site", "search", "ledgers"},
}
TOP = {"commands", "cli", "__main__"}  # may import anything; nothing imports them


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def imports() -> list[tuple[str, str, str]]:
    """(file, importing package, imported package) for every import of a generators module."""
    found = []
    for path in sorted((ROOT / "generators").rglob("*.py")):
        me = package_of(".".join(path.relative_to(ROOT).with_suffix("").parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "generators":
                targets = ([f"generators.{a.name}" for a in node.names] if node.module == "generators"
                           else [node.module])
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("generators.")]
            else:
                continue
            for target in targets:
                if package_of(target) != me:
                    found.append((str(path.relative_to(ROOT)), me, package_of(target)))
    return found


def wrong(found: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """The imports that break a rule: a package importing one not on its line, or anything below
    the command layer importing it."""
    return [(file, target) for file, me, target in found
            if me not in TOP and (target in TOP or target not in ALLOWED.get(me, set()) | BASE)]


def test_every_package_has_a_rule():
    packages = {me for _, me, _ in imports()} | {t for _, _, t in imports()}
    assert packages - set(ALLOWED) - TOP == set()


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_follow_the_layers(package):
    assert wrong([found for found in imports() if found[1] == package]) == []


def test_site_and_documents_never_import_each_other():
    assert "documents" not in ALLOWED["site"] and "site" not in ALLOWED["documents"]


@pytest.mark.parametrize("planted", [
    ("generators/charts.py", "charts", "site"),            # what charts.py once did
    ("generators/rules/check.py", "rules", "releases"),    # the rules once read the clock there
    ("generators/releases/release.py", "releases", "commands"),
    ("generators/site/build.py", "site", "documents"),
])
def test_a_planted_wrong_import_is_reported(planted):
    assert wrong([planted]) == [(planted[0], planted[2])]
