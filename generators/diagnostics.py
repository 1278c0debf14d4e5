"""Diagnostics in the compiler's ``path:line:col: severity[CODE]: message`` form.

Every stage reports problems as :class:`Diagnostic` values instead of raising, so that a
run can show *all* problems at once. Each message exists in Chinese and English; which one
a person sees depends on the locale (Chinese when ``LC_ALL``/``LC_MESSAGES``/``LANG`` starts
with ``zh``). Message texts live in :mod:`generators.messages`, keyed by code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from generators.messages import MESSAGES
from generators.words import FORMATTER as _FORMATTER
from generators.words import word


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, order=True)
class Location:
    """A point in a source file; line and column are 1-based like every editor's."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    code: str
    location: Location
    params: tuple[tuple[str, str], ...] = field(default=())

    @classmethod
    def error(cls, code: str, location: Location, **params: object) -> Diagnostic:
        return cls(Severity.ERROR, code, location, _freeze(params))

    @classmethod
    def warning(cls, code: str, location: Location, **params: object) -> Diagnostic:
        return cls(Severity.WARNING, code, location, _freeze(params))

    @classmethod
    def note(cls, code: str, location: Location, **params: object) -> Diagnostic:
        return cls(Severity.NOTE, code, location, _freeze(params))

    def message(self, lang: str | None = None) -> str:
        return _render(self.code, "message", dict(self.params), lang or message_language())

    def hint(self, lang: str | None = None) -> str:
        return _render(self.code, "hint", dict(self.params), lang or message_language())

    def format(self, lang: str | None = None) -> str:
        lang = lang or message_language()
        text = f"{self.location}: {self.severity.value}[{self.code}]: {self.message(lang)}"
        hint = self.hint(lang)
        if hint:
            text += f"\n    {word('cli.hint', lang)}: {hint}"
        return text

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def _freeze(params: dict[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, str(v)) for k, v in params.items()))




def _render(code: str, part: str, params: dict[str, str], lang: str) -> str:
    entry = MESSAGES.get(code)
    if entry is None:
        return f"{code} {params}"
    template = entry.get(f"{part}_{lang}") or entry.get(f"{part}_en", "")
    if "|" in template:
        suggestion, rest = template.split("|", 1)
        template = (suggestion if params.get("suggestion") else "") + rest
    return _FORMATTER.vformat(template, (), params).strip()


def message_language() -> str:
    """'zh' when the locale is Chinese, else 'en'."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def sort_key(diagnostic: Diagnostic) -> tuple:
    loc = diagnostic.location
    return (loc.path, loc.line, loc.col, diagnostic.code)


def relative_path(path: Path, base: Path | None = None) -> str:
    """A path as the user typed it: relative to the working directory when possible."""
    root = base.resolve() if base else resolved_cwd()
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def resolved_cwd() -> Path:
    """The working directory, resolved (once per directory the process works in)."""
    return _resolved_cwd(os.getcwd())


@lru_cache(maxsize=8)
def _resolved_cwd(cwd: str) -> Path:
    # Resolving the working directory for each of 10,000 record files was a tenth of `make check`.
    return Path(cwd).resolve()
