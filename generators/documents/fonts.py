"""Fonts for print: one configuration (theme/print/fonts.toml), one resolution, one glyph check.

The PDF embeds, per role, the first configured font that fontconfig finds installed. Before
anything renders, every character a document prints is looked up in its role's font: a missing
glyph is error E601 naming the characters and where they were written; a role with no installed
font is E602. Typst is told ``fallback: false``, so it never substitutes a font on its own.
"""

from __future__ import annotations

import subprocess
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from generators.diagnostics import Diagnostic, Location
from generators.records import Archive

if TYPE_CHECKING:  # content.py reads the font configuration too (the charts' font)
    from generators.documents.content import Printable

FONTS_CONFIG = Path(__file__).resolve().parents[2] / "theme" / "print" / "fonts.toml"
ROLES = ("title", "body", "hei", "kai", "song")
# The page number "— N —" is printed by the template, not from a record.
PAGE_NUMBER_TEXT = "— 0123456789 —"

@dataclass(frozen=True)
class Font:
    family: str
    weight: str
    file: str
    index: int
    style: str = ""


@dataclass(frozen=True)
class FontSet:
    """The chosen font of every role, and the names Word is told."""

    chosen: dict[str, Font | None]
    word: dict[str, dict[str, str]]
    candidates: dict[str, tuple[str, ...]]
    styles: dict[str, str] = field(default_factory=dict)  # role → the style it should print in

    def families(self) -> dict[str, str]:
        return {role: font.family if font else "" for role, font in self.chosen.items()}

    def weights(self) -> dict[str, str]:
        return {role: font.weight if font else "regular" for role, font in self.chosen.items()}

    def folders(self) -> list[str]:
        return sorted({str(Path(font.file).parent) for font in self.chosen.values() if font is not None})

    def fingerprint(self) -> str:
        """What the cache key needs: the chosen faces (a changed font file re-renders)."""
        parts = []
        for role in ROLES:
            font = self.chosen.get(role)
            if font is not None:
                stat = Path(font.file).stat()
                parts.append(f"{role}={font.family}/{font.weight}/{font.file}:{font.index}:{stat.st_size}")
        return ";".join(parts)


def load_config(path: Path = FONTS_CONFIG) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)["roles"]


@lru_cache(maxsize=4)
def font_set(path: Path = FONTS_CONFIG) -> FontSet:
    config = load_config(path)
    chosen: dict[str, Font | None] = {}
    candidates: dict[str, tuple[str, ...]] = {}
    for role in ROLES:
        entries = config[role]["pdf"]
        candidates[role] = tuple(entry["family"] for entry in entries)
        chosen[role] = next(
            (replace(font, style=entry.get("style", "")) for entry in entries
             if (font := _installed(entry["family"], entry.get("weight", "regular")))),
            None,
        )
    word = {role: dict(config[role]["word"]) for role in ROLES}
    styles = {role: config[role].get("style", "") for role in ROLES}
    return FontSet(chosen, word, candidates, styles)


def style_fallbacks(fonts: FontSet) -> list[Diagnostic]:
    """W603 for every role whose chosen face is of another style than the role's (a 仿宋 body
    set in a 宋体 face): the documents still print, but not as the office's would."""
    return [Diagnostic.warning("W603", Location(str(FONTS_CONFIG)), role=role, wanted=fonts.styles[role],
                               font=font.family, style=font.style or "?")
            for role in ROLES
            if (font := fonts.chosen.get(role)) is not None and fonts.styles.get(role)
            and font.style != fonts.styles[role]]


def _installed(family: str, weight: str) -> Font | None:
    style = ":style=Bold" if weight == "bold" else ""
    try:
        out = subprocess.run(
            ["fc-list", "--format", "%{file}|%{index}|%{family}|%{style}\n", f"{family}{style}"],
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    rows = sorted(line.split("|") for line in out.splitlines() if line.count("|") == 3)
    for file, index, families, styles in rows:
        names = [name.strip() for name in families.split(",")]
        if family not in names:
            continue
        if weight == "regular" and not _is_regular(styles):
            continue
        return Font(family, weight, file, int(index))
    return None


def _is_regular(styles: str) -> bool:
    if not styles or "Regular" in styles or "Book" in styles:
        return True
    return not any(s in styles for s in ("Bold", "Light", "Thin", "Black", "Medium", "ExtraLight", "SemiBold"))


@lru_cache(maxsize=16)
def coverage(file: str, index: int) -> frozenset[int]:
    """Code points the face has glyphs for (fontconfig's charset ranges)."""
    out = subprocess.run(["fc-query", "-i", str(index), "--format", "%{charset}", file],
                         capture_output=True, text=True, check=True, timeout=120).stdout
    points: set[int] = set()
    for part in out.split():
        low, _, high = part.partition("-")
        points.update(range(int(low, 16), int(high or low, 16) + 1))
    return frozenset(points)


def _printable(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf")


def check_glyphs(archive: Archive, doc: Printable, fonts: FontSet) -> list[Diagnostic]:
    """E601/E602 for a document: every character against the font of its role."""
    diagnostics: list[Diagnostic] = []
    missing: dict[tuple[str, str | None, tuple], set[str]] = {}
    uses = list(doc.uses) + [_page_number_use()]
    for use in uses:
        font = fonts.chosen.get(use.role)
        if font is None:
            continue
        covered = coverage(font.file, font.index)
        absent = {c for c in use.text if _printable(c) and ord(c) not in covered}
        if absent:
            missing.setdefault((use.role, use.record_id, use.path), set()).update(absent)
    for role in sorted({use.role for use in uses}):
        if fonts.chosen.get(role) is None:
            diagnostics.append(Diagnostic.error("E602", Location(str(FONTS_CONFIG)), role=role,
                                                fonts="、".join(fonts.candidates[role])))
    for (role, record_id, path), chars in sorted(missing.items(), key=lambda kv: str(kv[0])):
        font = fonts.chosen[role]
        where = _locate(archive, record_id, path)
        listed = " ".join(f"{c} (U+{ord(c):04X})" for c in sorted(chars))
        diagnostics.append(Diagnostic.error("E601", where, font=font.family, role=role, chars=listed))
    return diagnostics


def _page_number_use():
    from generators.documents.content import Use

    return Use("song", PAGE_NUMBER_TEXT, None, ())


def _locate(archive: Archive, record_id: str | None, path: tuple) -> Location:
    if record_id is None:
        return Location(str(FONTS_CONFIG))
    try:
        return archive.locate(record_id, path)
    except (KeyError, IndexError, TypeError):
        return archive.locate(record_id)
