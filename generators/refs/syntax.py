"""Find ``[[target]]`` / ``[[target|label]]`` references in text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

REF_PATTERN = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")


@dataclass(frozen=True)
class RefMatch:
    start: int
    end: int
    target: str
    label: str | None

    @property
    def text(self) -> str:
        return f"[[{self.target}{'|' + self.label if self.label else ''}]]"


def find_refs(text: str) -> Iterator[RefMatch]:
    for match in REF_PATTERN.finditer(text):
        label = match.group(2).strip() if match.group(2) else None
        yield RefMatch(match.start(), match.end(), match.group(1).strip(), label)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
