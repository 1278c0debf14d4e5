"""The search indexer's diagnostics (E7xx)."""

from __future__ import annotations

from pathlib import Path

from generators.diagnostics import Diagnostic, Location


def missing_site(site: Path) -> Diagnostic:
    return Diagnostic.error("E701", Location(str(site)), site=site)


def classified_page(path: Path) -> Diagnostic:
    return Diagnostic.error("E702", Location(str(path)))


def no_pages(site: Path, lang: str) -> Diagnostic:
    return Diagnostic.error("E703", Location(str(site)), lang=lang)
